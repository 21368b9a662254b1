import type { AuditEvent } from '../../../protocol/audit.js';
import type { BrokerRequest } from '../../../protocol/broker.js';
import { PROVIDER_NAMES } from '../../../protocol/providers.js';
import type { ClientRecord } from '../settings/settings-schema.js';
import { BrokerError } from '../broker/broker-error.js';
import type { BrokerConnection } from '../broker/broker-server.js';
import type { ClientRegistry } from '../broker/client-registry.js';
import type { HostController } from '../host-controller.js';
import type { ReceiptBook } from '../receipts/receipt-book.js';
import type { ApprovalDesk } from './approval-desk.js';

type Handled = Extract<
  BrokerRequest,
  { type: 'approval.answer' | 'approvals.list' | 'approval.respond' | 'undo' | 'receipts.list' }
>;

export interface ApprovalAndUndoServices {
  clients: ClientRegistry;
  audit: (event: AuditEvent) => Promise<unknown>;
  controller: Pick<HostController, 'pendingApprovals'>;
  approvals: ApprovalDesk;
  receipts: ReceiptBook;
}

/**
 * The broker requests for answering "ask me" questions and for receipts and undo. Bridges may
 * answer only questions put to them and see and undo only their own receipts; the command line
 * (control role) sees and answers everything, as the person.
 */
export async function handleApprovalAndUndo(
  services: ApprovalAndUndoServices,
  connection: BrokerConnection,
  request: Handled,
): Promise<void> {
  switch (request.type) {
    case 'approval.answer': {
      assistant(services, connection);
      if (!services.approvals.answerFromChat(connection, request.approvalId, request.allow)) {
        throw new BrokerError(
          'not_found',
          'That question was already answered, or ran out of time.',
        );
      }
      return connection.send({ type: 'ack', id: request.id });
    }
    case 'approvals.list':
      control(connection);
      return connection.send({
        type: 'approvals',
        id: request.id,
        approvals: services.controller.pendingApprovals(),
      });
    case 'approval.respond':
      control(connection);
      if (!services.approvals.answerFromCommandLine(request.approvalId, request.allow)) {
        throw new BrokerError(
          'not_found',
          'No change waits under that id: it was already answered, or waited too long and was refused. Run `tunebridge approvals` to see what waits.',
        );
      }
      return connection.send({ type: 'ack', id: request.id });
    case 'receipts.list': {
      const client =
        connection.role.kind === 'control' ? undefined : assistant(services, connection);
      return connection.send({
        type: 'receipts',
        id: request.id,
        receipts: services.receipts.list({ clientId: client?.clientId, limit: request.limit }),
      });
    }
    case 'undo': {
      const client =
        connection.role.kind === 'control' ? undefined : assistant(services, connection);
      if (client?.policy.askBeforeChanges)
        await askBeforeUndo(services, connection, request, client);
      const message = await services.receipts.undo(
        request.receiptId,
        client
          ? {
              kind: 'assistant',
              clientId: client.clientId,
              clientName: client.name,
              policy: client.policy,
            }
          : { kind: 'person', via: 'command line' },
      );
      return connection.send({
        type: 'undone',
        id: request.id,
        receiptId: request.receiptId,
        message,
      });
    }
  }
}

/**
 * An undo is a change too: with "Ask before changes" on, an assistant's undo waits for the
 * person like any other change. Someone else's or an unknown receipt is left to `undo` to refuse.
 */
async function askBeforeUndo(
  services: ApprovalAndUndoServices,
  connection: BrokerConnection,
  request: Extract<Handled, { type: 'undo' }>,
  client: ClientRecord,
): Promise<void> {
  const receipt = services.receipts.view(request.receiptId);
  if (!receipt || receipt.clientId !== client.clientId || receipt.undoneAt || !receipt.undoable) {
    return;
  }
  const { outcome, via } = await services.approvals.askWith(
    connection,
    request.id,
    request.elicitation
      ? `${client.name} wants to undo a change through TuneBridge: ${receipt.summary}. Allow it?`
      : undefined,
    {
      clientId: client.clientId,
      clientName: client.name,
      provider: receipt.provider,
      method: 'UNDO',
      path: request.receiptId,
      summary: `Undo on ${PROVIDER_NAMES[receipt.provider]}: ${receipt.summary}`,
    },
  );
  if (outcome === 'allowed') return;
  const message =
    outcome === 'denied'
      ? `The person declined this undo when TuneBridge asked (${via ?? 'in the window'}), so nothing was changed.`
      : `Nobody allowed this undo in time (or ${client.name} was paused), so nothing was changed.`;
  await services.audit({
    kind: 'tool.call',
    outcome: 'refused',
    tool: 'undo',
    clientId: client.clientId,
    clientName: client.name,
    provider: receipt.provider,
    receiptId: request.receiptId,
    message,
  });
  throw new BrokerError('approval_denied', message);
}

/** The active (hello'd, unrevoked, unpaused) assistant behind a bridge connection. */
function assistant(services: ApprovalAndUndoServices, connection: BrokerConnection) {
  if (connection.role.kind !== 'client') {
    throw new BrokerError('not_authenticated', 'Say hello with a client key first.');
  }
  const client = services.clients.get(connection.role.clientId);
  if (!client || client.revokedAt) {
    throw new BrokerError(
      'client_revoked',
      'This assistant’s access was revoked in TuneBridge. Reconnect it from TuneBridge to use it again.',
    );
  }
  if (client.policy.paused) {
    throw new BrokerError(
      'client_paused',
      `Access for ${client.name} is paused in TuneBridge. Resume it there to continue.`,
    );
  }
  return client;
}

function control(connection: BrokerConnection): void {
  if (connection.role.kind !== 'control') {
    throw new BrokerError('not_authenticated', 'Only the TuneBridge command line may do this.');
  }
}
