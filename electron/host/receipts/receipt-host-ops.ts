import type { HostApiRequest, HostApiResponse } from '../../../protocol/host-api.js';
import type { ReceiptBook } from './receipt-book.js';

type ReceiptOp = Extract<HostApiRequest, { op: 'receipts.list' | 'receipt.undo' }>;

/** The window's receipts: the list for Activity, and Undo (the person may undo any change). */
export async function handleReceiptOps(
  receipts: ReceiptBook,
  request: ReceiptOp,
): Promise<HostApiResponse> {
  switch (request.op) {
    case 'receipts.list':
      return { op: 'receipts.list', receipts: receipts.list({ limit: request.limit ?? 500 }) };
    case 'receipt.undo':
      return {
        op: 'receipt.undo',
        receiptId: request.receiptId,
        message: await receipts.undo(request.receiptId, { kind: 'person', via: 'window' }),
      };
  }
}
