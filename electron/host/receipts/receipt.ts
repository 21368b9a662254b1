import * as z from 'zod';
import { ProviderId } from '../../../protocol/providers.js';

/** One request of an undo, sent through the proxy exactly as stored. */
export const UndoStep = z.object({
  method: z.enum(['POST', 'PUT', 'DELETE', 'PATCH']),
  path: z.string().startsWith('/'),
  query: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
});
export type UndoStep = z.infer<typeof UndoStep>;

/** Names a state reader (state-probes.ts) and its arguments; stored, so plain strings only. */
export const StateProbe = z.object({
  kind: z.string(),
  params: z.record(z.string(), z.string()),
});
export type StateProbe = z.infer<typeof StateProbe>;

/**
 * What the host keeps for each change: who made it, what it was, how to check that nothing
 * changed since (`probe` read again must give `expected`) and the requests that reverse it.
 * Holds ids, URIs and names only: never a token, key or capability.
 */
export const StoredReceipt = z.object({
  id: z.string(),
  assistantId: z.string().optional(),
  assistantName: z.string(),
  provider: ProviderId,
  createdAt: z.string(),
  summary: z.string(),
  /** The endpoint scopes the change needed; an undo needs the same permission switch. */
  scopes: z.array(z.string()),
  /** What the probe read right after the change, as a fingerprint (SHA-256 of its JSON). */
  probe: StateProbe.optional(),
  expected: z.string().optional(),
  steps: z.array(UndoStep),
  /** Playlist items before the change; the undo plans its requests from these at undo time. */
  target: z.unknown().optional(),
  undoable: z.boolean(),
  note: z.string().optional(),
  undoneAt: z.string().optional(),
});
export type StoredReceipt = z.infer<typeof StoredReceipt>;

export const ReceiptFile = z.object({
  version: z.literal(1),
  receipts: z.array(StoredReceipt),
});
