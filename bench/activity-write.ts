import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditRecord } from '../protocol/audit.js';
import { chainHash, GENESIS_HASH } from '../electron/host/audit/audit-chain.js';
import { auditFileName } from '../electron/host/audit/audit-files.js';

/** The audit log's own rollover size, so the files look as the host would have written them. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

const CLIENTS = [
  { assistantId: 'c-claude', assistantName: 'Claude Desktop' },
  { assistantId: 'c-cursor', assistantName: 'Cursor' },
  { assistantId: 'c-code', assistantName: 'VS Code' },
];
const TOOLS = ['spotify_search', 'spotify_get_playlist', 'spotify_play', 'tidal_search'];

/**
 * Writes `count` chained audit records into `auditDir` straight as JSON Lines, in the AuditLog's
 * file format (files named by their first sequence number, rolled at 16 MiB), one second apart
 * and ending now — the shape a long-used TuneBridge would have.
 */
export async function writeAuditRecords(auditDir: string, count: number): Promise<void> {
  await mkdir(auditDir, { recursive: true, mode: 0o700 });
  const start = Date.now() - count * 1_000;
  let hash = GENESIS_HASH;
  let file = await open(join(auditDir, auditFileName(1)), 'w', 0o600);
  let size = 0;
  let buffer: string[] = [];
  let buffered = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    await file.write(buffer.join(''));
    buffer = [];
    buffered = 0;
  };
  for (let seq = 1; seq <= count; seq += 1) {
    const client = CLIENTS[seq % CLIENTS.length] ?? CLIENTS[0];
    const record = sample(seq, new Date(start + seq * 1_000).toISOString(), client);
    hash = chainHash(hash, record);
    const line = `${JSON.stringify({ ...record, hash })}\n`;
    const bytes = Buffer.byteLength(line);
    if (size + bytes > MAX_FILE_BYTES) {
      await flush();
      await file.close();
      file = await open(join(auditDir, auditFileName(seq)), 'w', 0o600);
      size = 0;
    }
    buffer.push(line);
    size += bytes;
    buffered += bytes;
    if (buffered > 1024 * 1024) await flush();
  }
  await flush();
  await file.close();
}

function sample(
  seq: number,
  time: string,
  client: { assistantId: string; assistantName: string } | undefined,
): Omit<AuditRecord, 'hash'> {
  const tool = TOOLS[seq % TOOLS.length] ?? 'spotify_search';
  const provider = tool.startsWith('tidal') ? 'tidal' : 'spotify';
  switch (seq % 3) {
    case 0:
      return {
        seq,
        time,
        kind: 'tool.call',
        outcome: 'ok',
        ...client,
        provider,
        tool,
        durationMs: 42,
        message: `${tool} answered`,
      };
    case 1:
      return {
        seq,
        time,
        kind: 'api.call',
        outcome: 'ok',
        ...client,
        provider,
        method: 'GET',
        path: '/v1/search',
        status: 200,
        durationMs: 31,
      };
    default:
      return {
        seq,
        time,
        kind: 'capability.issued',
        outcome: 'ok',
        ...client,
        provider,
        scopes: ['user-read-private'],
      };
  }
}
