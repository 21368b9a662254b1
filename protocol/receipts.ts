import * as z from 'zod';
import { ProviderId } from './providers.js';

/**
 * Receipts: every change that passes through the host gets one, with what it takes to reverse
 * it. These are the views that cross a process boundary; the reverse plan stays in the host.
 */
const id = z.number().int().positive();
export const ReceiptId = z.string().regex(/^r_[A-Za-z0-9_-]{6,40}$/);

export const ReceiptView = z.object({
  id: z.string(),
  assistantId: z.string().optional(),
  assistantName: z.string(),
  provider: ProviderId,
  createdAt: z.string(),
  summary: z.string(),
  /** False when the provider offers no way back (e.g. deleting a playlist); `note` says why. */
  undoable: z.boolean(),
  note: z.string().optional(),
  undoneAt: z.string().optional(),
});
export type ReceiptView = z.infer<typeof ReceiptView>;

/** A bridge undoes its own receipts; the person uses the `receipt.undo` operation. */
export const UndoRequest = z.object({
  type: z.literal('undo'),
  id,
  receiptId: ReceiptId,
  /** As on `api.call`: the bridge can ask the person in the chat if "ask me" is on. */
  elicitation: z.boolean().optional(),
});
export const UndoneResponse = z.object({
  type: z.literal('undone'),
  id,
  receiptId: z.string(),
  message: z.string(),
});

/** A bridge's own receipts, newest first; the person's list is the `receipts.list` operation. */
export const ReceiptsListRequest = z.object({
  type: z.literal('receipts.list'),
  id,
  limit: z.number().int().positive().max(500).optional(),
});
export const ReceiptsResponse = z.object({
  type: z.literal('receipts'),
  id,
  receipts: z.array(ReceiptView),
});
