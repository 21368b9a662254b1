import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AuditRecord } from '../../../protocol/audit.js';
import { auditFiles, linesBackward } from '../audit/audit-files.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { countRecord, emptyState, type CounterState } from './security-counters.js';

/** Beside the audit folder, in the data folder; derived data, rebuilt from the log if lost. */
export const COUNTERS_FILE = 'security-counters.json';

/** A line as a record, without a full schema check: the rebuild reads a million of them. */
function asRecord(line: string): AuditRecord | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as AuditRecord;
    return typeof record.seq === 'number' && typeof record.time === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

export async function readCounters(path: string): Promise<CounterState | undefined> {
  try {
    const saved = JSON.parse(await readFile(path, 'utf8')) as Partial<CounterState>;
    if (saved.version !== 1 || typeof saved.throughSeq !== 'number' || !saved.hours) {
      return undefined;
    }
    return { ...emptyState(), ...saved } as CounterState;
  } catch {
    return undefined;
  }
}

export function saveCounters(path: string, state: CounterState): Promise<void> {
  return writeFileAtomic(path, JSON.stringify(state), { mode: 0o600 });
}

/** The newest sequence number in the log, read from the end of its newest file. */
export async function lastSeqInLog(auditDir: string): Promise<number> {
  const files = await auditFiles(auditDir).catch(() => []);
  for (const file of files.reverse()) {
    for await (const line of linesBackward(join(auditDir, file.name))) {
      const record = asRecord(line);
      if (record) return record.seq;
    }
  }
  return 0;
}

/** Counts every record of the log, oldest first: only when the saved counters are missing. */
export async function rebuildCounters(auditDir: string): Promise<CounterState> {
  const state = emptyState();
  for (const file of await auditFiles(auditDir).catch(() => [])) {
    const lines = createInterface({
      input: createReadStream(join(auditDir, file.name), 'utf8'),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      const record = asRecord(line);
      if (record) countRecord(state, record);
    }
  }
  return state;
}

/** Counts the records written after the saved counters (a crash before the last save). */
export async function catchUp(auditDir: string, state: CounterState): Promise<void> {
  const missed: AuditRecord[] = [];
  const files = (await auditFiles(auditDir).catch(() => [])).reverse();
  outer: for (const file of files) {
    for await (const line of linesBackward(join(auditDir, file.name))) {
      const record = asRecord(line);
      if (!record) continue;
      if (record.seq <= state.throughSeq) break outer;
      missed.push(record);
    }
  }
  for (const record of missed.reverse()) countRecord(state, record);
}

/**
 * The counters for this log: the saved ones caught up, or a rebuild when they are missing or
 * belong to another log (they have counted past its end).
 */
export async function loadCounters(auditDir: string, path: string): Promise<CounterState> {
  const saved = await readCounters(path);
  if (!saved || saved.throughSeq > (await lastSeqInLog(auditDir))) {
    return rebuildCounters(auditDir);
  }
  await catchUp(auditDir, saved);
  return saved;
}
