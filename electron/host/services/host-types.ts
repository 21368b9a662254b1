import type { EventEmitter } from 'node:events';
import type { AuditEvent, AuditRecord } from '../../../protocol/audit.js';
import type { AssistantSummary, McpServerEntry } from '../../../protocol/broker.js';
import { type AccountSummary, type ProviderId } from '../../../protocol/providers.js';
import type { AccountService } from '../accounts/account-service.js';
import type { LoginService } from '../accounts/login-service.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { HostAlert } from '../audit/security-alarms.js';
import type { TokenManager } from '../auth/token-manager.js';
import type { CapabilityStore } from '../broker/capability-store.js';
import { type AssistantRegistry } from '../broker/assistant-registry.js';
import type { ProviderFetch } from '../http/secure-fetch.js';
import type { McpClientId } from '../../../protocol/broker.js';
import { type ClientEnvironment } from '../clients/client-paths.js';
import { type EntryHealth } from '../clients/connect-assistant.js';
import { type ProviderRegistry } from '../providers/provider-setup.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { SecretStore } from '../vault/secret-store.js';

/** What the host's services are built from (host.ts wires them). */
export interface HostDeps {
  sandbox: boolean;
  accounts: AccountService;
  assistants: AssistantRegistry;
  capabilities: CapabilityStore;
  login: LoginService;
  tokens: TokenManager;
  audit: AuditLog;
  record: (event: AuditEvent) => Promise<unknown>;
  events: EventEmitter<HostEvents>;
  fetch: ProviderFetch;
  bridgeEntry: (assistantKey: string) => McpServerEntry;
  settings: SettingsStore;
  /** The live provider runtimes, which `configureProvider` changes outside sandbox mode. */
  providers: ProviderRegistry;
  /** Where tokens are kept, as the window describes it (never the secrets themselves). */
  secretStore: Pick<SecretStore, 'description' | 'warning'>;
  /** Whose MCP client configs connect edits; the host's own HOME and platform by default. */
  clientEnvironment?: ClientEnvironment;
  /** How long "ask me" waits for an answer; DEFAULT_APPROVAL_TIMEOUT_MS unless a test says. */
  approvalTimeoutMs?: number;
}

export interface HostEvents {
  'providers.changed': [];
  'assistants.changed': [];
  /** A client's policy changed (or it was paused or revoked): its bridges must re-check. */
  'policy.changed': [assistantId: string];
  /** Bridges of this client must be cut off now. */
  'assistant.revoked': [assistantId: string];
  'audit.appended': [record: AuditRecord];
  'login.finished': [outcome: LoginOutcome];
  /** Something the person should hear about now (tray state and a notification). */
  alert: [alert: HostAlert];
  /** An MCP client's entry was checked (at start or after its file changed). */
  'assistant.health': [report: AssistantHealth];
  /** "Ask me" mode: a change waits for the person's answer (window, notification). */
  'approval.requested': [approval: PendingApproval];
  /** Answered, timed out or withdrawn: windows close their prompt. */
  'approval.settled': [id: string, outcome: ApprovalOutcome];
  /** The person dismissed an alert in one window: the others drop it too. */
  'alert.dismissed': [id: string];
}

/** An alert as the window lists it, until the person dismisses it. */
export interface StoredAlert extends HostAlert {
  id: string;
}

/** What a change waiting for the person's OK is about; never a token or a body. */
export interface ApprovalRequest {
  assistantId: string;
  assistantName: string;
  provider: ProviderId;
  method: string;
  path: string;
  summary: string;
}

export interface PendingApproval extends ApprovalRequest {
  id: string;
  expiresAt: string;
}

/** `withdrawn`: the assistant was paused or revoked while its change waited. */
export type ApprovalOutcome = 'allowed' | 'denied' | 'timed-out' | 'withdrawn';

/** How long a change waits for the person before it is refused. */
export const DEFAULT_APPROVAL_TIMEOUT_MS = 60_000;
/** Alerts kept for the window; older ones drop off (the audit log keeps them all). */
export const MAX_STORED_ALERTS = 20;

export interface AssistantHealth {
  mcpClient: McpClientId;
  health: EntryHealth;
  /** An active assistant was connected to this client, so anything but `ok` needs a repair. */
  needsRepair: boolean;
}

export interface LoginOutcome {
  provider: ProviderId;
  ok: boolean;
  message: string;
}

export interface HostStatus {
  sandbox: boolean;
  providers: AccountSummary[];
  assistants: AssistantSummary[];
}

export interface IssuedAssistant {
  assistant: AssistantSummary;
  assistantKey: string;
  entry: McpServerEntry;
}
