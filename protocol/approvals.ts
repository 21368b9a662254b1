import { z } from 'zod';
import { ProviderId } from './providers.js';

/**
 * "Ask before changes" across the broker: the host asks a bridge whose MCP client can show a
 * question in the chat (elicitation), the bridge answers for the person, and the CLI lists and
 * answers what waits. The host stays the judge of every answer.
 */
const id = z.number().int().positive();
const ApprovalId = z.string().min(1).max(100);

/** A waiting change as the CLI lists it; never a token or a request body. */
export const PendingApprovalSummary = z.object({
  id: z.string(),
  clientId: z.string().optional(),
  clientName: z.string(),
  provider: ProviderId,
  method: z.string(),
  path: z.string(),
  summary: z.string(),
  expiresAt: z.string(),
});
export type PendingApprovalSummary = z.infer<typeof PendingApprovalSummary>;

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

/** Control role (`tunebridge approvals`): what waits for an answer. */
export const ApprovalsListRequest = z.object({ type: z.literal('approvals.list'), id });
/** Control role (`tunebridge approve|deny <id>`). */
export const ApprovalRespondRequest = z.object({
  type: z.literal('approval.respond'),
  id,
  approvalId: ApprovalId,
  allow: z.boolean(),
});

export const ApprovalsResponse = z.object({
  type: z.literal('approvals'),
  id,
  approvals: z.array(PendingApprovalSummary),
});
