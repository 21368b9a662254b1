import type { AuditKind, AuditRecord } from '../../protocol/audit.js';

/** What a tool call causes on its way: the bridge signs in, gets access, calls the API. */
const CAUSED_BY_TOOL: ReadonlySet<AuditKind> = new Set([
  'broker.auth',
  'capability.issued',
  'capability.refused',
  'api.call',
]);

/** A row of Activity: one record, and for a tool call the records it caused, oldest first. */
export interface ActivityEntry {
  record: AuditRecord;
  steps: AuditRecord[];
}

/**
 * Folds each assistant's sign-ins, grants and API calls into the tool call they led to. The
 * bridge writes the tool call's record last, so a step belongs to the next tool call of the same
 * assistant after it. Steps with no tool call after them yet (a call still running, or a CLI
 * check) stay rows of their own. Takes and returns newest first, as the log reads.
 */
export function groupActivity(records: readonly AuditRecord[]): ActivityEntry[] {
  /** Per assistant, the positions in `rows` of steps no tool call has claimed yet. */
  const waiting = new Map<string, number[]>();
  const rows: Array<ActivityEntry | undefined> = [];
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    if (!record) continue;
    const owner = record.assistantId;
    if (owner && CAUSED_BY_TOOL.has(record.kind)) {
      const pending = waiting.get(owner) ?? [];
      pending.push(rows.length);
      waiting.set(owner, pending);
      rows.push({ record, steps: [] });
    } else if (owner && record.kind === 'tool.call') {
      const steps: AuditRecord[] = [];
      for (const at of waiting.get(owner) ?? []) {
        const step = rows[at];
        if (step) steps.push(step.record);
        rows[at] = undefined;
      }
      waiting.delete(owner);
      rows.push({ record, steps });
    } else {
      rows.push({ record, steps: [] });
    }
  }
  return rows.filter((row): row is ActivityEntry => row !== undefined).reverse();
}

/** How a record's outcome reads: a doctor's probe answered 4xx is what it asked, not a failure. */
export type ShownOutcome = AuditRecord['outcome'] | 'checked';

export function shownOutcome(record: AuditRecord): ShownOutcome {
  if (
    record.outcome === 'error' &&
    record.message === 'doctor probe' &&
    record.status !== undefined &&
    record.status >= 400 &&
    record.status < 500
  ) {
    return 'checked';
  }
  return record.outcome;
}
