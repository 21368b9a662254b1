import * as z from 'zod';
import { AuditKind, AuditOutcome } from './audit.js';
import { ProviderId } from './providers.js';

/** The periods the Security view charts: the last 24 hours, 7 days and 30 days. */
export const SecurityRange = z.enum(['24h', '7d', '30d']);
export type SecurityRange = z.infer<typeof SecurityRange>;

/** Why an assistant's request was refused, as the Security view groups refusals. */
export const RefusalReason = z.enum(['policy', 'paused', 'scope', 'approval', 'other']);
export type RefusalReason = z.infer<typeof RefusalReason>;

/** What one bucket of time counted (an hour in the 24-hour chart, a day in the others). */
export const SecurityBucket = z.object({
  /** ISO start of the bucket. */
  start: z.string(),
  toolCalls: z.number().int().nonnegative(),
  refusals: z.number().int().nonnegative(),
  failedAuth: z.number().int().nonnegative(),
  rateLimited: z.number().int().nonnegative(),
  refreshes: z.number().int().nonnegative(),
  refreshFailures: z.number().int().nonnegative(),
  pinMismatches: z.number().int().nonnegative(),
});
export type SecurityBucket = z.infer<typeof SecurityBucket>;

export const AssistantCalls = z.object({
  assistantId: z.string(),
  name: z.string(),
  calls: z.number().int().nonnegative(),
});
export type AssistantCalls = z.infer<typeof AssistantCalls>;

/** The figures of one period: totals, and the buckets the time charts draw. */
export const SecurityFigures = z.object({
  range: SecurityRange,
  from: z.string(),
  to: z.string(),
  toolCallsByAssistant: z.array(AssistantCalls),
  refusalsByReason: z.record(RefusalReason, z.number().int().nonnegative()),
  failedAuth: z.number().int().nonnegative(),
  /** 429s the host answered an assistant with. */
  rateLimited: z.number().int().nonnegative(),
  /** Provider-wide cool-downs that started (the first 429 of a stretch). */
  coolDowns: z.number().int().nonnegative(),
  refreshes: z.number().int().nonnegative(),
  refreshFailures: z.number().int().nonnegative(),
  pinMismatches: z.number().int().nonnegative(),
  buckets: z.array(SecurityBucket),
});
export type SecurityFigures = z.infer<typeof SecurityFigures>;

/** The Activity records behind an anomaly: the Activity view's filter for them. */
export const ActivityFilter = z.object({
  kind: AuditKind.optional(),
  outcome: AuditOutcome.optional(),
  assistantId: z.string().optional(),
  provider: ProviderId.optional(),
  since: z.string(),
  until: z.string().optional(),
});
export type ActivityFilter = z.infer<typeof ActivityFilter>;

/** Something unusual, in words, found by the host in the audit log. */
export const Anomaly = z.object({
  kind: z.enum(['call-volume', 'failed-auth-burst', 'refresh-failure', 'pin-mismatch']),
  message: z.string(),
  time: z.string(),
  activity: ActivityFilter,
});
export type Anomaly = z.infer<typeof Anomaly>;

export const DateToWatch = z.object({
  kind: z.enum(['provider-login-ends', 'key-last-used', 'pin-review']),
  label: z.string(),
  /** ISO date, or absent when there is none (a key never used). */
  date: z.string().optional(),
  note: z.string(),
  /** Set on a key unused for 30 days: the window offers to revoke it. */
  revokeAssistantId: z.string().optional(),
  provider: ProviderId.optional(),
});
export type DateToWatch = z.infer<typeof DateToWatch>;

export const SecurityOverview = z.object({
  generatedAt: z.string(),
  figures: z.object({ '24h': SecurityFigures, '7d': SecurityFigures, '30d': SecurityFigures }),
  anomalies: z.array(Anomaly),
  dates: z.array(DateToWatch),
  /** One line for the tray menu. */
  summary: z.string(),
});
export type SecurityOverview = z.infer<typeof SecurityOverview>;

export const LockdownStep = z.object({
  step: z.enum(['pause', 'revoke-keys', 'client-configs', 'provider-logout', 'erase-tokens']),
  ok: z.boolean(),
  message: z.string(),
});
export type LockdownStep = z.infer<typeof LockdownStep>;

export const LockdownReport = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  ok: z.boolean(),
  steps: z.array(LockdownStep),
});
export type LockdownReport = z.infer<typeof LockdownReport>;

export const IncidentReportResult = z.object({
  folder: z.string(),
  files: z.array(z.string()),
  verified: z.boolean(),
  records: z.number().int().nonnegative(),
});
export type IncidentReportResult = z.infer<typeof IncidentReportResult>;
