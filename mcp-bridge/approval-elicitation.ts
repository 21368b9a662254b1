import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { ApprovalAskProgress } from '../protocol/approvals.js';
import type { BrokerClient } from '../broker-client/broker-client.js';

/** Asks the person in the chat, when their MCP client can show a question (elicitation). */
export interface ChatApprovals {
  canAsk(): boolean;
  /** True to allow, false to refuse, undefined when the chat could not ask (others may answer). */
  ask(question: ApprovalAskProgress): Promise<boolean | undefined>;
}

export function chatApprovals(server: Server): ChatApprovals {
  return {
    canAsk: () => server.getClientCapabilities()?.elicitation !== undefined,
    async ask(question) {
      const waitMs = Math.max(1_000, Date.parse(question.expiresAt) - Date.now());
      try {
        const result = await server.elicitInput(
          { message: question.question, requestedSchema: { type: 'object', properties: {} } },
          { timeout: waitMs },
        );
        // Accept lets the change through; decline and cancel both refuse it.
        return result.action === 'accept';
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Puts the host's question to the person and sends their answer back. The host decides: it
 * takes the answer only for a question it put to this connection.
 */
export async function relayChatApproval(
  chat: ChatApprovals,
  client: BrokerClient,
  question: ApprovalAskProgress,
): Promise<void> {
  const allow = await chat.ask(question);
  if (allow === undefined || client.isClosed) return;
  await client
    .request({ type: 'approval.answer', approvalId: question.approvalId, allow })
    .catch(() => undefined);
}
