import { randomUUID } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretStoreAnchor, type AuditAnchor } from '../../electron/host/audit/audit-anchor.js';
import { chainHash, GENESIS_HASH, withoutHash } from '../../electron/host/audit/audit-chain.js';
import { AuditLog } from '../../electron/host/audit/audit-log.js';
import { verifyAuditLog } from '../../electron/host/audit/audit-verify.js';
import { KeyringSecretStore } from '../../electron/host/vault/keyring-store.js';

describe('audit verify: torn lines only where a crash leaves them', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tb-audit-torn-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function fiveRecords(): Promise<{ path: string; lines: string[] }> {
    const log = await AuditLog.open(dir);
    for (let i = 0; i < 5; i += 1)
      await log.append({ kind: 'tool.call', outcome: 'ok', tool: `t${i}` });
    await log.close();
    const [file] = await readdir(dir);
    const path = join(dir, file ?? '');
    return { path, lines: (await readFile(path, 'utf8')).trimEnd().split('\n') };
  }

  it('fails on a line that is not JSON in the middle of the log', async () => {
    const { path, lines } = await fiveRecords();
    await writeFile(
      path,
      `${[...lines.slice(0, 2), 'not a record', ...lines.slice(2)].join('\n')}\n`,
    );
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: false, line: 3 });
  });

  it('fails on a truncated line in the middle that is not followed by a start', async () => {
    const { path, lines } = await fiveRecords();
    const cut = (lines[2] ?? '').slice(0, 30);
    await writeFile(path, `${[...lines.slice(0, 2), cut, ...lines.slice(2)].join('\n')}\n`);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: false, line: 3 });
  });

  it('allows a torn last line, and a torn line just before the next start', async () => {
    const { path } = await fiveRecords();
    await appendFile(path, '{"seq":6,"time":"2026-');
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 5, tornLines: 1 });
    const reopened = await AuditLog.open(dir);
    await reopened.append({ kind: 'host.start', outcome: 'ok' });
    await reopened.close();
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 6, tornLines: 1 });
  });
});

describe('audit verify: the chain is anchored in the secret store', () => {
  let dir: string;
  let store: KeyringSecretStore;
  let anchor: AuditAnchor;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tb-audit-anchor-'));
    store = new KeyringSecretStore({ service: `TuneBridge test ${randomUUID()}` });
    anchor = secretStoreAnchor(store);
  });
  afterEach(async () => {
    await store.delete('audit-head').catch(() => false);
    await rm(dir, { recursive: true, force: true });
  });

  async function tenRecords(): Promise<{ path: string; lines: string[] }> {
    const log = await AuditLog.open(dir, { anchor });
    for (let i = 0; i < 10; i += 1)
      await log.append({ kind: 'tool.call', outcome: 'ok', tool: `t${i}` });
    await log.close();
    const [file] = await readdir(dir);
    const path = join(dir, file ?? '');
    return { path, lines: (await readFile(path, 'utf8')).trimEnd().split('\n') };
  }

  const verify = async () => verifyAuditLog(dir, { anchor: await anchor.read() });

  it('passes an intact log and says it was checked against the anchor', async () => {
    await tenRecords();
    expect(await anchor.read()).toMatchObject({ seq: 10 });
    expect(await verify()).toMatchObject({ ok: true, records: 10, anchored: true });
  });

  it('detects records cut off the end', async () => {
    const { path, lines } = await tenRecords();
    await writeFile(path, `${lines.slice(0, 7).join('\n')}\n`);
    const result = await verify();
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.reason).toMatch(/ends at record 7.*up to record 10/);
  });

  it('detects a whole log rewritten with recomputed hashes', async () => {
    const { path, lines } = await tenRecords();
    let previous = GENESIS_HASH;
    const rewritten = lines.map((line) => {
      const { rest } = withoutHash(JSON.parse(line) as Record<string, unknown>);
      if (rest.tool === 't4') rest.tool = 'nothing to see';
      previous = chainHash(previous, rest);
      return JSON.stringify({ ...rest, hash: previous });
    });
    await writeFile(path, `${rewritten.join('\n')}\n`);
    // Without the anchor the rewrite chains perfectly; with it, it does not.
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, anchored: false });
    const result = await verify();
    expect(result.ok ? '' : result.reason).toMatch(/record 10 is not the one TuneBridge wrote/);
  });

  it('keeps the evidence when the host starts on a cut-off log and writes on', async () => {
    const { path, lines } = await tenRecords();
    await writeFile(path, `${lines.slice(0, 7).join('\n')}\n`);
    const log = await AuditLog.open(dir, { anchor });
    await log.append({ kind: 'host.start', outcome: 'ok' });
    await log.close();
    // The anchor has moved on, but the log itself says what was found.
    expect(await anchor.read()).toMatchObject({ seq: 9 });
    const result = await verify();
    expect(result).toMatchObject({ ok: false, seq: 8 });
    expect(result.ok ? '' : result.reason).toMatch(/Records were removed from the end/);
  });
});
