import { z } from 'zod';
import { ReceiptId, ReceiptView } from './receipts.js';

/** The window's receipt operations: the Activity view lists receipts and offers Undo. */
export const ReceiptHostOps = [
  z.object({
    op: z.literal('receipts.list'),
    limit: z.number().int().positive().max(500).optional(),
  }),
  z.object({ op: z.literal('receipt.undo'), receiptId: ReceiptId }),
] as const;

export const ReceiptHostResults = [
  z.object({ op: z.literal('receipts.list'), receipts: z.array(ReceiptView) }),
  z.object({ op: z.literal('receipt.undo'), receiptId: z.string(), message: z.string() }),
] as const;
