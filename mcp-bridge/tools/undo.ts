import * as z from 'zod';
import { defineTool } from './define-tool.js';

const CHANGE_GROUPS = new Set(['playback', 'library-write', 'playlists-write']);

/**
 * Reverses one change this assistant made, by the receipt id its tool result gave. The host
 * decides: only this assistant's own receipts, only with the permission the change needed, only
 * once, and only while the thing is as the change left it.
 */
export const undo = defineTool({
  name: 'undo',
  title: 'Undo a change',
  description:
    'Undo a change you made through TuneBridge, by the receipt id its result gave. Undo several newest first. Refused if the thing changed since.',
  // Receipts cover both services; the host applies the policy of the change being undone.
  provider: 'spotify',
  scopes: [],
  kind: 'write',
  idempotent: true,
  visibleWith: (groups) => groups.some((group) => CHANGE_GROUPS.has(group)),
  input: z.object({
    receipt: z
      .string()
      .regex(/^r_[A-Za-z0-9_-]{6,40}$/)
      .describe('The receipt id, e.g. r_Ab3dEf9h… from a change tool’s result.'),
  }),
  output: z.object({ receipt: z.string(), undone: z.boolean() }),
  async run({ receipt }, context) {
    const message = await context.receipts.undo(receipt);
    return { structured: { receipt, undone: true }, text: message };
  },
});
