import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditRecord, type AuditEvent, type AuditQuery } from '../../../protocol/audit.js';
import { ensurePrivateDir } from '../fs/atomic-write.js';
import { AnchorWriter, anchorProblem, type AuditAnchor } from './audit-anchor.js';
import { chainHash, GENESIS_HASH, withoutHash } from './audit-chain.js';
import { auditFileName, auditFiles, linesBackward } from './audit-files.js';
import { redactRecord } from './redact.js';

export interface AuditLogOptions {
  now?: () => Date;
  /** A file past this size is closed and the next record starts a new one; the chain carries on. */
  maxFileBytes?: number;
  /**
   * Where the newest record's seq and hash are kept outside the log (the secret store), so
   * `audit verify` can tell a cut-off or rewritten log from an intact one.
   */
  anchor?: AuditAnchor;
}

const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;
const DEFAULT_QUERY_LIMIT = 100;

interface OpenFile {
  path: string;
  handle: FileHandle;
  size: number;
}

/**
 * The append-only record of what TuneBridge did on the person's behalf: JSON Lines in files of
 * bounded size, 0600 in a 0700 directory. Every record is redacted on the way in, so nothing
 * token-like reaches the disk even if a caller slips one into a message, and carries a hash
 * chaining it to the one before, so an edited or deleted line is caught by `audit verify`.
 */
export class AuditLog {
  private tail: Promise<unknown> = Promise.resolve();
  private current: OpenFile | undefined;
  private readonly now: () => Date;
  private readonly maxFileBytes: number;
  private readonly anchorWriter: AnchorWriter | undefined;

  private constructor(
    private readonly dir: string,
    private seq: number,
    private lastHash: string,
    options: AuditLogOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.anchorWriter = options.anchor && new AnchorWriter(options.anchor);
  }

  static async open(dir: string, options: AuditLogOptions = {}): Promise<AuditLog> {
    await ensurePrivateDir(dir);
    const files = await auditFiles(dir);
    const newest = files.at(-1);
    let lastSeq = 0;
    let lastHash = GENESIS_HASH;
    if (newest) {
      const path = join(dir, newest.name);
      // A crash mid-append can leave a torn last line; start the next record on a line of its own.
      const text = await readFile(path, 'utf8');
      if (text.length > 0 && !text.endsWith('\n')) await appendRaw(path, '\n');
      for await (const line of linesBackward(path)) {
        const last = parseLine(line);
        if (!last) continue;
        lastSeq = last.record.seq;
        lastHash = typeof last.raw.hash === 'string' ? last.raw.hash : GENESIS_HASH;
        break;
      }
    }
    const log = new AuditLog(dir, lastSeq, lastHash, options);
    if (options.anchor) {
      const head = await options.anchor.read().catch(() => undefined);
      const hashAt = head && (await hashOf(dir, head.seq, { seq: lastSeq, hash: lastHash }));
      const problem = anchorProblem(head, { seq: lastSeq, hashAt: () => hashAt });
      // Said in the log itself before the anchor moves on, so the evidence outlives this start.
      if (problem) await log.append({ kind: 'alert', outcome: 'error', message: problem });
    }
    return log;
  }

  /** Appends one event; appends are serialized so sequence and chain follow file order. */
  append(event: AuditEvent): Promise<AuditRecord> {
    const written = this.tail.then(() => this.write(event));
    this.tail = written.catch(() => undefined);
    return written;
  }

  /** Matching records, newest first, read backwards from the end so the first page is cheap. */
  async query(query: AuditQuery = {}): Promise<AuditRecord[]> {
    await this.tail;
    const limit = query.limit ?? DEFAULT_QUERY_LIMIT;
    const since = query.since ? Date.parse(query.since) : undefined;
    const until = query.until ? Date.parse(query.until) : undefined;
    const matches: AuditRecord[] = [];
    const files = (await auditFiles(this.dir)).reverse();
    for (const file of files) {
      if (query.beforeSeq !== undefined && file.firstSeq >= query.beforeSeq) continue;
      for await (const line of linesBackward(join(this.dir, file.name))) {
        const parsed = parseLine(line);
        if (!parsed) continue;
        const { record } = parsed;
        if (query.beforeSeq !== undefined && record.seq >= query.beforeSeq) continue;
        const time = Date.parse(record.time);
        // Records are in time order, so once past `since` nothing older can match.
        if (since !== undefined && time < since) return matches;
        if (until !== undefined && time > until) continue;
        if (query.kind && record.kind !== query.kind) continue;
        if (query.outcome && record.outcome !== query.outcome) continue;
        if (query.provider && record.provider !== query.provider) continue;
        if (query.assistantId && record.assistantId !== query.assistantId) continue;
        matches.push(record);
        if (matches.length >= limit) return matches;
      }
    }
    return matches;
  }

  /** Closes the open file; later appends reopen it. */
  async close(): Promise<void> {
    await this.tail;
    await this.anchorWriter?.flush();
    const current = this.current;
    this.current = undefined;
    await current?.handle.close();
  }

  private async write(event: AuditEvent): Promise<AuditRecord> {
    const record = this.seal(event, this.now());
    const text = `${JSON.stringify(record)}\n`;
    const file = await this.fileFor(record.seq, Buffer.byteLength(text));
    await file.handle.appendFile(text, 'utf8');
    file.size += Buffer.byteLength(text);
    this.anchorWriter?.update({ seq: record.seq, hash: this.lastHash });
    return record;
  }

  /** Gives the event its place: sequence number, time, redaction and the chain hash. */
  private seal(event: AuditEvent, now: Date): AuditRecord {
    this.seq += 1;
    const body = AuditRecord.parse(
      redactRecord({ ...event, seq: this.seq, time: now.toISOString() }),
    );
    const { rest } = withoutHash(body);
    const hash = chainHash(this.lastHash, rest);
    this.lastHash = hash;
    return { ...rest, hash } as AuditRecord;
  }

  private async fileFor(seq: number, bytes: number): Promise<OpenFile> {
    if (this.current && this.current.size + bytes <= this.maxFileBytes) return this.current;
    if (!this.current) {
      const newest = (await auditFiles(this.dir)).at(-1);
      if (newest) {
        const path = join(this.dir, newest.name);
        const opened = await openForAppend(path);
        if (opened.size + bytes <= this.maxFileBytes) return (this.current = opened);
        await opened.handle.close();
      }
    } else {
      await this.current.handle.close();
    }
    this.current = await openForAppend(join(this.dir, auditFileName(seq)));
    return this.current;
  }
}

async function openForAppend(path: string): Promise<OpenFile> {
  const handle = await open(path, 'a', 0o600);
  await handle.chmod(0o600);
  return { path, handle, size: (await handle.stat()).size };
}

async function appendRaw(path: string, text: string): Promise<void> {
  const handle = await open(path, 'a', 0o600);
  try {
    await handle.appendFile(text, 'utf8');
  } finally {
    await handle.close();
  }
}

/** The hash of record `seq`, read backwards from the newest file (the anchor lags by little). */
async function hashOf(
  dir: string,
  seq: number,
  newest: { seq: number; hash: string },
): Promise<string | undefined> {
  if (seq === newest.seq) return newest.hash;
  if (seq > newest.seq) return undefined;
  for (const file of (await auditFiles(dir)).reverse()) {
    if (file.firstSeq > seq) continue;
    for await (const line of linesBackward(join(dir, file.name))) {
      const parsed = parseLine(line);
      if (parsed?.record.seq === seq) return parsed.record.hash;
      if (parsed && parsed.record.seq < seq) return undefined;
    }
  }
  return undefined;
}

/** One line, or undefined for a torn or foreign one: it costs that record, not the log. */
function parseLine(
  line: string,
): { record: AuditRecord; raw: Record<string, unknown> } | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = AuditRecord.safeParse(raw);
  return parsed.success ? { record: parsed.data, raw: raw as Record<string, unknown> } : undefined;
}
