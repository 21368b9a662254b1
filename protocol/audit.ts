import * as z from 'zod';
import { ProviderId } from './providers.js';

export const AuditKind = z.enum([
  'login',
  'logout',
  'token.refresh',
  'assistant.issued',
  'assistant.revoked',
  'assistant.policy',
  'broker.auth',
  'capability.issued',
  'capability.refused',
  'api.call',
  'tool.call',
  'host.start',
  'host.stop',
  'alert',
  /** A setting changed from the window or CLI, e.g. a provider's client ID (never a secret). */
  'config.changed',
  /** The person's one-action lockdown: every step and its outcome in the message. */
  'lockdown',
  /** An incident report was written (its folder, never its contents). */
  'incident.report',
]);
export type AuditKind = z.infer<typeof AuditKind>;

export const AuditOutcome = z.enum(['ok', 'error', 'refused']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/**
 * Lines written before assistants had their own name said `clientId`, `clientName` and
 * `client.*` kinds; they read as the current names. (The hash chain is checked on the raw line.)
 */
const LEGACY_KINDS: Record<string, string> = {
  'client.issued': 'assistant.issued',
  'client.revoked': 'assistant.revoked',
  'client.policy': 'assistant.policy',
};
function readLegacyNames(line: unknown): unknown {
  if (typeof line !== 'object' || line === null || Array.isArray(line)) return line;
  const { clientId, clientName, ...rest } = line as Record<string, unknown>;
  const kind = typeof rest.kind === 'string' ? (LEGACY_KINDS[rest.kind] ?? rest.kind) : rest.kind;
  return {
    ...rest,
    kind,
    ...(clientId !== undefined && rest.assistantId === undefined ? { assistantId: clientId } : {}),
    ...(clientName !== undefined && rest.assistantName === undefined
      ? { assistantName: clientName }
      : {}),
  };
}

const AuditRecordFields = z.object({
  seq: z.number().int().nonnegative(),
  time: z.string(),
  kind: AuditKind,
  outcome: AuditOutcome,
  assistantId: z.string().optional(),
  assistantName: z.string().optional(),
  provider: ProviderId.optional(),
  scopes: z.array(z.string()).optional(),
  tool: z.string().optional(),
  method: z.string().optional(),
  path: z.string().optional(),
  status: z.number().int().optional(),
  durationMs: z.number().nonnegative().optional(),
  message: z.string().optional(),
  /** The receipt of a change this record let through (the window offers Undo on it). */
  receiptId: z.string().optional(),
  /**
   * SHA-256 over the previous record's hash and this record without its hash: the chain that
   * `tunebridge audit verify` walks, so an edited or deleted line shows.
   */
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
/** One line of the audit log. Redacted before it is written: it never holds a token. */
export const AuditRecord = z.preprocess(readLegacyNames, AuditRecordFields);
export type AuditRecord = z.infer<typeof AuditRecordFields>;

/** What a caller supplies; the log assigns seq, time and hash. */
export type AuditEvent = Omit<AuditRecord, 'seq' | 'time' | 'hash'>;

export const AuditQuery = z.object({
  since: z.string().optional(),
  until: z.string().optional(),
  assistantId: z.string().optional(),
  provider: ProviderId.optional(),
  kind: AuditKind.optional(),
  outcome: AuditOutcome.optional(),
  limit: z.number().int().positive().max(10_000).optional(),
  /** Paging cursor: only records older than this sequence number (the last one shown). */
  beforeSeq: z.number().int().positive().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
