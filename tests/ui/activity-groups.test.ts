import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../protocol/audit.js';
import { groupActivity, shownOutcome } from '../../renderer/views/activity-groups.js';

let seq = 0;
const record = (kind: AuditRecord['kind'], assistantId?: string, more: Partial<AuditRecord> = {}) =>
  ({
    seq: ++seq,
    time: '2026-11-30T10:00:00.000Z',
    kind,
    outcome: 'ok',
    assistantId,
    ...more,
  }) as AuditRecord;

describe('Activity rows', () => {
  it('folds each assistant’s sign-in, grant and API call into its next tool call', () => {
    const oldestFirst = [
      record('broker.auth', 'a'),
      record('capability.issued', 'a'),
      record('broker.auth', 'b'),
      record('api.call', 'a'),
      record('tool.call', 'a'),
      record('api.call', 'b'),
      record('login'),
      record('tool.call', 'b'),
      record('api.call', 'a'),
    ];
    const rows = groupActivity([...oldestFirst].reverse());
    expect(
      rows.map((row) => [row.record.kind, row.record.assistantId, row.steps.map((s) => s.seq)]),
    ).toEqual([
      ['api.call', 'a', []],
      ['tool.call', 'b', [3, 6]],
      ['login', undefined, []],
      ['tool.call', 'a', [1, 2, 4]],
    ]);
  });

  it('shows a doctor probe’s 4xx as checked, anything else as it was', () => {
    expect(
      shownOutcome(
        record('api.call', undefined, { outcome: 'error', status: 403, message: 'doctor probe' }),
      ),
    ).toBe('checked');
    expect(
      shownOutcome(
        record('api.call', undefined, { outcome: 'error', status: 500, message: 'doctor probe' }),
      ),
    ).toBe('error');
    expect(shownOutcome(record('api.call', 'a', { outcome: 'error', status: 403 }))).toBe('error');
  });
});
