import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../electron/host/audit/audit-log.js';
import { verifyAuditLog } from '../../electron/host/audit/audit-verify.js';
import { formatAuditTable } from '../../electron/host/audit/format-audit.js';
import { forgetRegisteredSecrets, registerSecret } from '../../electron/host/audit/redact.js';

describe('audit log', () => {
  let dir: string;
  // Every log a test opens is closed after it, even one a test leaves open to act as a crash.
  let opened: AuditLog[] = [];
  const openLog = async (options?: Parameters<typeof AuditLog.open>[1]): Promise<AuditLog> => {
    const log = await AuditLog.open(dir, options);
    opened.push(log);
    return log;
  };
  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'tb-audit-')), 'audit');
    opened = [];
  });
  afterEach(async () => {
    await Promise.all(opened.map((log) => log.close()));
    forgetRegisteredSecrets();
    await rm(join(dir, '..'), { recursive: true, force: true });
  });

  async function fileText(): Promise<string> {
    const [file] = await readdir(dir);
    return readFile(join(dir, file ?? ''), 'utf8');
  }

  it('keeps one JSON line per event, private to the person, and answers newest first', async () => {
    const log = await openLog();
    await log.append({ kind: 'login', outcome: 'ok', provider: 'spotify' });
    await log.append({
      kind: 'assistant.issued',
      outcome: 'ok',
      assistantId: 'c1',
      assistantName: 'Claude',
    });
    await log.append({ kind: 'api.call', outcome: 'ok', provider: 'spotify', assistantId: 'c1' });

    const lines = (await fileText()).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const [file] = await readdir(dir);
    expect((await stat(join(dir, file ?? ''))).mode & 0o777).toBe(0o600);

    const all = await log.query();
    expect(all.map((record) => record.kind)).toEqual(['api.call', 'assistant.issued', 'login']);
    expect(all.map((record) => record.seq)).toEqual([3, 2, 1]);
  });

  it('filters by client, provider, kind and time', async () => {
    let now = new Date('2026-11-01T10:00:00Z');
    const log = await openLog({ now: () => now });
    await log.append({ kind: 'api.call', outcome: 'ok', provider: 'spotify', assistantId: 'a' });
    now = new Date('2026-11-01T11:00:00Z');
    await log.append({ kind: 'api.call', outcome: 'ok', provider: 'tidal', assistantId: 'b' });
    now = new Date('2026-12-01T09:00:00Z');
    await log.append({ kind: 'tool.call', outcome: 'error', provider: 'tidal', assistantId: 'a' });

    expect((await log.query({ assistantId: 'a' })).map((r) => r.seq)).toEqual([3, 1]);
    expect((await log.query({ provider: 'tidal' })).map((r) => r.seq)).toEqual([3, 2]);
    expect((await log.query({ kind: 'api.call' })).map((r) => r.seq)).toEqual([2, 1]);
    expect(
      (await log.query({ since: '2026-11-01T10:30:00Z', until: '2026-11-30T00:00:00Z' })).map(
        (r) => r.seq,
      ),
    ).toEqual([2]);
    expect((await log.query({ limit: 1 })).map((r) => r.seq)).toEqual([3]);
    expect((await log.query({ beforeSeq: 3 })).map((r) => r.seq)).toEqual([2, 1]);
  });

  it('never writes a token, whether registered or merely token-shaped', async () => {
    const accessToken = 'BQDx9fakeAccessTokenValue0123456789abcdef';
    registerSecret(accessToken);
    const log = await openLog();
    await log.append({
      kind: 'api.call',
      outcome: 'error',
      message: `upstream said: invalid ${accessToken}; header Bearer abc.def-ghi; refresh_token=r3fr3shS3cr3t`,
    });
    const text = await fileText();
    expect(text).not.toContain(accessToken);
    expect(text).not.toContain('abc.def-ghi');
    expect(text).not.toContain('r3fr3shS3cr3t');
    expect(text).toContain('[redacted]');
  });

  it('survives a torn last line from a crash and keeps counting', async () => {
    const first = await openLog();
    await first.append({ kind: 'host.start', outcome: 'ok' });
    await first.append({ kind: 'login', outcome: 'ok', provider: 'spotify' });
    const [file] = await readdir(dir);
    await appendFile(join(dir, file ?? ''), '{"seq":3,"time":"2026-');

    const reopened = await openLog();
    await reopened.append({ kind: 'host.start', outcome: 'ok' });
    const records = await reopened.query();
    expect(records.map((record) => record.seq)).toEqual([3, 2, 1]);
    expect(records[0]?.kind).toBe('host.start');
  });

  it('rolls over to a new file past the size limit and keeps the chain across files', async () => {
    const log = await openLog({ maxFileBytes: 1024 });
    for (let i = 0; i < 40; i += 1) {
      await log.append({
        kind: 'api.call',
        outcome: 'ok',
        provider: 'spotify',
        path: `/v1/x/${i}`,
      });
    }
    await log.close();
    const files = (await readdir(dir)).sort();
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect((await stat(join(dir, file))).size).toBeLessThanOrEqual(1024);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 40, files: files.length });

    // Paging backwards walks across files without gaps or repeats.
    const reopened = await openLog({ maxFileBytes: 1024 });
    const seen: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await reopened.query({ limit: 7, beforeSeq: before });
      if (page.length === 0) break;
      seen.push(...page.map((record) => record.seq));
      before = page.at(-1)?.seq;
    }
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => 40 - i));
  });

  it('verify finds an edited record, a removed record and a reordered file', async () => {
    const log = await openLog();
    for (let i = 0; i < 5; i += 1)
      await log.append({ kind: 'tool.call', outcome: 'ok', tool: `t${i}` });
    await log.close();
    const [file] = await readdir(dir);
    const path = join(dir, file ?? '');
    const original = await readFile(path, 'utf8');
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 5 });

    await writeFile(path, original.replace('"tool":"t2"', '"tool":"t9"'));
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: false, seq: 3, line: 3, records: 2 });

    const lines = original.trimEnd().split('\n');
    await writeFile(path, `${[...lines.slice(0, 1), ...lines.slice(2)].join('\n')}\n`);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: false, seq: 3 });

    await writeFile(path, `${[lines[1], lines[0], ...lines.slice(2)].join('\n')}\n`);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: false, line: 1 });
  });

  it('verify counts a torn line from a crash without calling it tampering', async () => {
    const first = await openLog();
    await first.append({ kind: 'host.start', outcome: 'ok' });
    await first.close();
    const [file] = await readdir(dir);
    await appendFile(join(dir, file ?? ''), '{"seq":2,"time":"2026-');
    const reopened = await openLog();
    await reopened.append({ kind: 'host.start', outcome: 'ok' });
    await reopened.close();
    expect(await verifyAuditLog(dir)).toEqual({
      ok: true,
      records: 2,
      files: 1,
      tornLines: 1,
      anchored: false,
    });
  });

  it('formats a table a person can read', async () => {
    const log = await openLog();
    await log.append({
      kind: 'api.call',
      outcome: 'ok',
      assistantName: 'Claude Desktop',
      provider: 'spotify',
      method: 'GET',
      path: '/v1/search',
      status: 200,
      durationMs: 12.4,
    });
    const table = formatAuditTable(await log.query());
    const [header, row] = table.split('\n');
    expect(header).toMatch(/^TIME\s+EVENT\s+OUTCOME\s+ASSISTANT\s+PROVIDER\s+DETAILS$/);
    expect(row).toMatch(
      /api\.call\s+ok\s+Claude Desktop\s+spotify\s+GET \/v1\/search {2}→ 200 {2}12 ms/,
    );
  });
});
