import type { AuditRecord } from '../../../protocol/audit.js';

const COLUMNS = ['time', 'event', 'outcome', 'assistant', 'provider', 'details'] as const;

/** A plain-text table for `tunebridge audit`: one row per record, newest first as given. */
export function formatAuditTable(records: readonly AuditRecord[]): string {
  const rows = records.map((record) => [
    record.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
    record.kind,
    record.outcome,
    record.assistantName ?? record.assistantId ?? '-',
    record.provider ?? '-',
    describe(record),
  ]);
  const widths = COLUMNS.map((column, index) =>
    // The last column runs free so long messages aren't padded into a wide table.
    index === COLUMNS.length - 1
      ? 0
      : Math.max(column.length, ...rows.map((row) => row[index]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) => cell.padEnd(widths[index] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS.map((column) => column.toUpperCase())), ...rows.map(line)].join('\n');
}

function describe(record: AuditRecord): string {
  const parts: string[] = [];
  if (record.tool) parts.push(record.tool);
  if (record.method && record.path) parts.push(`${record.method} ${record.path}`);
  if (record.status !== undefined) parts.push(`→ ${record.status}`);
  if (record.durationMs !== undefined) parts.push(`${Math.round(record.durationMs)} ms`);
  if (record.scopes && record.scopes.length > 0) parts.push(`scopes: ${record.scopes.join(' ')}`);
  if (record.message) parts.push(record.message);
  return parts.join('  ') || '-';
}
