import * as z from 'zod';

/**
 * "Ask before changes" across the broker: the host asks a bridge whose MCP client can show a
 * question in the chat (elicitation), the bridge answers for the person. (The CLI lists and
 * answers what waits through the operation table.) The host stays the judge of every answer.
 */
const id = z.number().int().positive();
const ApprovalId = z.string().min(1).max(100);

/**
 * Sent by the host on the waiting `api.call`'s own id (a progress answer, like `login.pending`)
 * when that call said its client can ask in the chat: what will change, how many items, the first
 * few names.
 */
export const ApprovalAskProgress = z.object({
  type: z.literal('approval.ask'),
  id,
  approvalId: z.string(),
  question: z.string().max(2000),
  expiresAt: z.string(),
});
export type ApprovalAskProgress = z.infer<typeof ApprovalAskProgress>;

/** The bridge passes on the person's answer from the chat; only for a question it was asked. */
export const ApprovalAnswerRequest = z.object({
  type: z.literal('approval.answer'),
  id,
  approvalId: ApprovalId,
  allow: z.boolean(),
});
