import type { BrokerClient } from '../broker-client/broker-client.js';
import { BrokerClientError } from '../broker-client/broker-client.js';
import type { ReceiptView } from '../protocol/receipts.js';
import { relayChatApproval, type ChatApprovals } from './approval-elicitation.js';

/** The bridge's receipt requests: list this assistant's receipts, and undo one of them. */
export function receiptRequests(
  connection: () => Promise<BrokerClient>,
  chat: () => ChatApprovals | undefined,
) {
  return {
    async undo(receiptId: string): Promise<string> {
      const client = await connection();
      const asking = chat()?.canAsk() ? chat() : undefined;
      const answer = await client.request(
        { type: 'undo', receiptId, elicitation: asking && true },
        (progress) => {
          if (asking && progress.type === 'approval.ask')
            void relayChatApproval(asking, client, progress);
        },
      );
      if (answer.type !== 'undone') throw unexpected(answer.type);
      return answer.message;
    },
    async list(limit?: number): Promise<ReceiptView[]> {
      const answer = await (await connection()).request({ type: 'receipts.list', limit });
      if (answer.type !== 'receipts') throw unexpected(answer.type);
      return answer.receipts;
    },
  };
}

export type ReceiptRequests = ReturnType<typeof receiptRequests>;

function unexpected(type: string): BrokerClientError {
  return new BrokerClientError(
    'internal',
    `TuneBridge answered with an unexpected "${type}". Update TuneBridge.`,
  );
}
