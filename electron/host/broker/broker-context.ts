import type { AuditEvent } from '../../../protocol/audit.js';
import type { OperationRequest, OperationResponse } from '../../../protocol/operations.js';
import type { AccountService } from '../accounts/account-service.js';
import type { ApprovalDesk } from '../approvals/approval-desk.js';
import type { HostController } from '../host-controller.js';
import type { OpenExternal } from '../open-external.js';
import type { ReceiptBook } from '../receipts/receipt-book.js';
import type { ProviderApiProxy } from './api-proxy.js';
import type { AssistantRecord, AssistantRegistry } from './assistant-registry.js';
import { BrokerError } from './broker-error.js';
import type { BrokerConnection } from './broker-server.js';
import type { CapabilityStore } from './capability-store.js';

export interface BrokerServices {
  assistants: AssistantRegistry;
  capabilities: CapabilityStore;
  proxy: ProviderApiProxy;
  accounts: AccountService;
  controller: HostController;
  audit: (event: AuditEvent) => Promise<unknown>;
  controlKey: string;
  now?: () => number;
  /** The person's operations (electron/host/operations.ts), for the control role. */
  operations: (request: OperationRequest) => Promise<OperationResponse>;
  /** Opens a link the host built itself (`open.link`). */
  openExternal?: OpenExternal;
  /** "Ask me" questions with every channel to answer them, and the receipts of changes. */
  approvals: ApprovalDesk;
  receipts: ReceiptBook;
}

/** Who is asking, checked again on every request so a revoke or pause applies at once. */
export interface BrokerContext {
  services: BrokerServices;
  now: () => number;
  /** The hello'd assistant behind a connection, refused when paused or revoked. */
  activeAssistant(connection: BrokerConnection): AssistantRecord;
  /** The hello'd, unrevoked assistant behind a connection, paused or not. */
  knownAssistant(connection: BrokerConnection): AssistantRecord;
  requireControl(connection: BrokerConnection): void;
}

export function createBrokerContext(services: BrokerServices): BrokerContext {
  const knownAssistant = (connection: BrokerConnection): AssistantRecord => {
    if (connection.role.kind !== 'assistant') {
      throw new BrokerError('not_authenticated', 'Say hello with a client key first.');
    }
    const assistant = services.assistants.get(connection.role.assistantId);
    if (!assistant || assistant.revokedAt) {
      throw new BrokerError(
        'assistant_revoked',
        'This assistant’s access was revoked in TuneBridge. Reconnect it from TuneBridge to use it again.',
      );
    }
    return assistant;
  };
  return {
    services,
    now: services.now ?? Date.now,
    knownAssistant,
    activeAssistant(connection) {
      const assistant = knownAssistant(connection);
      if (assistant.policy.paused) {
        throw new BrokerError(
          'assistant_paused',
          `Access for ${assistant.name} is paused in TuneBridge. Resume it there to continue.`,
        );
      }
      return assistant;
    },
    requireControl(connection) {
      if (connection.role.kind !== 'control') {
        throw new BrokerError('not_authenticated', 'Only the TuneBridge command line may do this.');
      }
    },
  };
}

/** Milliseconds since a `performance.now()` reading: monotonic, so never negative. */
export function elapsedSince(started: number): number {
  return Math.max(0, performance.now() - started);
}
