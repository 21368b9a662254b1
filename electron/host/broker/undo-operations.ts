import type { BrokerRequest } from '../../../protocol/broker.js';
import { PROVIDER_NAMES } from '../../../protocol/providers.js';
import type { AssistantRecord } from './assistant-registry.js';
import type { BrokerContext } from './broker-context.js';
import { BrokerError } from './broker-error.js';
import type { BrokerConnection } from './broker-server.js';

type Request<Type extends BrokerRequest['type']> = Extract<BrokerRequest, { type: Type }>;

/*
 * A bridge's part in "ask me" and undo: it answers only questions put to it, and sees and undoes
 * only its own assistant's receipts. The person lists and answers everything through the
 * operation table (electron/host/operations.ts).
 */

export async function answerApproval(
  ctx: BrokerContext,
  connection: BrokerConnection,
  request: Request<'approval.answer'>,
): Promise<void> {
  ctx.activeAssistant(connection);
  if (!ctx.services.approvals.answerFromChat(connection, request.approvalId, request.allow)) {
    throw new BrokerError('not_found', 'That question was already answered, or ran out of time.');
  }
  connection.send({ type: 'ack', id: request.id });
}

export function listReceipts(
  ctx: BrokerContext,
  connection: BrokerConnection,
  request: Request<'receipts.list'>,
): void {
  const assistant = ctx.activeAssistant(connection);
  connection.send({
    type: 'receipts',
    id: request.id,
    receipts: ctx.services.receipts.list({
      assistantId: assistant.assistantId,
      limit: request.limit,
    }),
  });
}

export async function undo(
  ctx: BrokerContext,
  connection: BrokerConnection,
  request: Request<'undo'>,
): Promise<void> {
  const assistant = ctx.activeAssistant(connection);
  if (assistant.policy.askBeforeChanges) await askBeforeUndo(ctx, connection, request, assistant);
  const message = await ctx.services.receipts.undo(request.receiptId, {
    kind: 'assistant',
    assistantId: assistant.assistantId,
    assistantName: assistant.name,
    policy: assistant.policy,
  });
  connection.send({ type: 'undone', id: request.id, receiptId: request.receiptId, message });
}

/**
 * An undo is a change too: with "Ask before changes" on, an assistant's undo waits for the
 * person like any other change. Someone else's or an unknown receipt is left to `undo` to refuse.
 */
async function askBeforeUndo(
  ctx: BrokerContext,
  connection: BrokerConnection,
  request: Request<'undo'>,
  assistant: AssistantRecord,
): Promise<void> {
  const { services } = ctx;
  const receipt = services.receipts.view(request.receiptId);
  if (
    !receipt ||
    receipt.assistantId !== assistant.assistantId ||
    receipt.undoneAt ||
    !receipt.undoable
  ) {
    return;
  }
  const { outcome, via } = await services.approvals.askWith(
    connection,
    request.id,
    request.elicitation
      ? `${assistant.name} wants to undo a change through TuneBridge: ${receipt.summary}. Allow it?`
      : undefined,
    {
      assistantId: assistant.assistantId,
      assistantName: assistant.name,
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
      : `Nobody allowed this undo in time (or ${assistant.name} was paused), so nothing was changed.`;
  await services.audit({
    kind: 'tool.call',
    outcome: 'refused',
    tool: 'undo',
    assistantId: assistant.assistantId,
    assistantName: assistant.name,
    provider: receipt.provider,
    receiptId: request.receiptId,
    message,
  });
  throw new BrokerError('approval_denied', message);
}
