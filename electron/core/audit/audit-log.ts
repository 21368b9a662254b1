import { open, readdir, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditRecord, type AuditEvent, type AuditQuery } from '../../../protocol/audit.js';
import { ensurePrivateDir } from '../fs/atomic-write.js';
import { FailedAuthAlarm } from './failed-auth-alarm.js';
import { redactRecord } from './redact.js';

const FILE_PATTERN = /^audit-(\d{4}-\d{2})\.jsonl$/;

export interface AuditLogOptions {
  now?: () => Date;
}

/**
 * The append-only record of what TuneBridge did on the person's behalf: JSON Lines, one file per
 * month so old months can be archived whole, 0600 in a 0700 directory. Every record is redacted on
 * the way in, so nothing token-like reaches the disk even if a caller slips one into a message.
 */
export class AuditLog {
  private seq: number;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly alarm: FailedAuthAlarm;
  private readonly now: () => Date;
  /** Kept open between appends: opening the file per record was most of an append's cost. */
  private current: { file: string; handle: FileHandle } | undefined;

  private constructor(
    private readonly dir: string,
    lastSeq: number,
    options: AuditLogOptions,
  ) {
    this.seq = lastSeq;
    this.now = options.now ?? (() => new Date());
    this.alarm = new FailedAuthAlarm();
  }

  static async open(dir: string, options: AuditLogOptions = {}): Promise<AuditLog> {
    await ensurePrivateDir(dir);
    const files = await monthFiles(dir);
    const newest = files[0];
    let lastSeq = 0;
    if (newest) {
      const text = await readFile(join(dir, newest), 'utf8');
      // A crash mid-append can leave a torn last line; start the next record on a line of its own.
      if (text.length > 0 && !text.endsWith('\n')) await appendText(join(dir, newest), '\n');
      for (const record of parseLines(text)) lastSeq = Math.max(lastSeq, record.seq);
    }
    return new AuditLog(dir, lastSeq, options);
  }

  /** Appends one event; appends are serialized so sequence numbers follow file order. */
  append(event: AuditEvent): Promise<AuditRecord> {
    const written = this.tail.then(() => this.write(event));
    this.tail = written.catch(() => undefined);
    return written;
  }

  /** Matching records, newest first. */
  async query(query: AuditQuery = {}): Promise<AuditRecord[]> {
    const limit = query.limit ?? 100;
    const since = query.since ? Date.parse(query.since) : undefined;
    const until = query.until ? Date.parse(query.until) : undefined;
    const matches: AuditRecord[] = [];
    for (const file of await monthFiles(this.dir)) {
      const records = parseLines(await readFile(join(this.dir, file), 'utf8')).reverse();
      for (const record of records) {
        const time = Date.parse(record.time);
        if (since !== undefined && time < since) continue;
        if (until !== undefined && time > until) continue;
        if (query.kind && record.kind !== query.kind) continue;
        if (query.outcome && record.outcome !== query.outcome) continue;
        if (query.provider && record.provider !== query.provider) continue;
        if (query.clientId && record.clientId !== query.clientId) continue;
        matches.push(record);
        if (matches.length >= limit) return matches;
      }
    }
    return matches;
  }

  private async write(event: AuditEvent): Promise<AuditRecord> {
    const now = this.now();
    this.seq += 1;
    const record = AuditRecord.parse(
      redactRecord({ ...event, seq: this.seq, time: now.toISOString() }),
    );
    let lines = `${JSON.stringify(record)}\n`;
    const alert = this.alarm.observe(record, now.getTime());
    if (alert) {
      this.seq += 1;
      const alertRecord = AuditRecord.parse({ ...alert, seq: this.seq, time: now.toISOString() });
      lines += `${JSON.stringify(alertRecord)}\n`;
    }
    const handle = await this.handleFor(this.fileFor(now));
    await handle.appendFile(lines, 'utf8');
    return record;
  }

  /** Closes the open month file; later appends reopen it. */
  async close(): Promise<void> {
    await this.tail;
    const current = this.current;
    this.current = undefined;
    await current?.handle.close();
  }

  private async handleFor(file: string): Promise<FileHandle> {
    if (this.current?.file === file) return this.current.handle;
    await this.current?.handle.close();
    const handle = await open(file, 'a', 0o600);
    await handle.chmod(0o600);
    this.current = { file, handle };
    return handle;
  }

  private fileFor(time: Date): string {
    return join(this.dir, `audit-${time.toISOString().slice(0, 7)}.jsonl`);
  }
}

async function appendText(file: string, text: string): Promise<void> {
  const handle = await open(file, 'a', 0o600);
  try {
    await handle.chmod(0o600);
    await handle.appendFile(text, 'utf8');
  } finally {
    await handle.close();
  }
}

/** Month files, newest first. */
async function monthFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((name) => FILE_PATTERN.test(name)).sort((a, b) => b.localeCompare(a));
}

/** Parses each line on its own: one damaged line costs that record, not the whole log. */
function parseLines(text: string): AuditRecord[] {
  const records: AuditRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = AuditRecord.safeParse(JSON.parse(line));
      if (parsed.success) records.push(parsed.data);
    } catch {
      // A torn line from a crash mid-append; the records around it are intact.
    }
  }
  return records;
}
