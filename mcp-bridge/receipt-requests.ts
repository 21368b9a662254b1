import type { BrokerClient } from '../broker-client/broker-client.js';
import { BrokerClientError } from '../broker-client/broker-client.js';
import type { ReceiptView } from '../protocol/receipts.js';

/** The bridge's receipt requests: list this assistant's receipts, and undo one of them. */
export function receiptRequests(connection: () => Promise<BrokerClient>) {
  return {
    async undo(receiptId: string): Promise<string> {
      const answer = await (await connection()).request({ type: 'undo', receiptId });
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
