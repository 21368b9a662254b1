import type { AuditRecord } from '../../../protocol/audit.js';
import type { RefusalReason } from '../../../protocol/security.js';

/** The counters the Security view charts; each audit record adds to at most one. */
export type CounterName =
  | 'toolCalls'
  | 'refusals'
  | 'failedAuth'
  | 'rateLimited'
  | 'refreshes'
  | 'refreshFailures'
  | 'pinMismatches';

export interface Classified {
  counter: CounterName;
  reason?: RefusalReason;
}

/** The sentence `SecurityAlarms.pinMismatch` writes; the alert record carries no other mark. */
const PIN_MISMATCH = /^TuneBridge refused a connection to .* pinned keys/;

/**
 * Which counter a record adds to. Refusals carry their reason only in the sentence the host wrote
 * for the assistant, so the reason is read from it; the sentences live in the broker handler.
 */
export function classifyRecord(record: AuditRecord): Classified | undefined {
  switch (record.kind) {
    case 'tool.call':
      return record.outcome === 'refused'
        ? { counter: 'refusals', reason: refusalReason(record.message) }
        : { counter: 'toolCalls' };
    case 'capability.refused':
      return { counter: 'refusals', reason: refusalReason(record.message) };
    case 'api.call':
      if (record.outcome === 'refused') {
        return { counter: 'refusals', reason: refusalReason(record.message) };
      }
      return record.status === 429 ? { counter: 'rateLimited' } : undefined;
    case 'broker.auth':
      return record.outcome === 'ok' ? undefined : { counter: 'failedAuth' };
    case 'token.refresh':
      return { counter: record.outcome === 'ok' ? 'refreshes' : 'refreshFailures' };
    case 'alert':
      return PIN_MISMATCH.test(record.message ?? '') ? { counter: 'pinMismatches' } : undefined;
    default:
      return undefined;
  }
}

export function refusalReason(message = ''): RefusalReason {
  if (/declined|answered|approv/i.test(message)) return 'approval';
  if (/\bpaused\b/i.test(message)) return 'paused';
  if (/did not grant|does not carry|capability/i.test(message)) return 'scope';
  if (/switched off|may not do this|does not allow/i.test(message)) return 'policy';
  return 'other';
}
