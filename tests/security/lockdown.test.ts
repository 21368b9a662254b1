import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleHostApi } from '../../electron/host/host-api.js';
import { readClientEntry } from '../../electron/host/clients/client-config.js';
import { currentEnvironment } from '../../electron/host/clients/client-paths.js';
import type { McpServerEntry } from '../../protocol/assistant.js';
import type { IncidentReportResult, LockdownReport } from '../../protocol/security.js';
import { connectMcpClient, type McpClient } from '../helpers/mcp-client.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';
import { fixtureHome } from '../clients/fixture-home.js';

/**
 * Lockdown end to end: two MCP clients connected through their config files, a real bridge in
 * the middle of a session, then one lockdown. Afterwards the bridge gets refusals, its key is
 * unknown to the broker, the configs no longer list TuneBridge (their backups do), both logins
 * are gone from the keyring, and the incident report tells it — without any token or key in it.
 */
describe('lockdown and the incident report', () => {
  let test: TestHost;
  let fixtureRoot: string;
  const savedEnv = { ...process.env };
  let entry: McpServerEntry;
  let mcp: McpClient;
  let lockdown: LockdownReport;
  let incident: IncidentReportResult;
  const assistantKeys: string[] = [];

  beforeAll(async () => {
    const fixture = await fixtureHome({ label: 'this OS', platform: process.platform });
    fixtureRoot = fixture.root;
    // The host edits the configs under HOME, as it would the person's own.
    Object.assign(process.env, fixture.env);
    test = await startTestHost();
    await test.login('spotify');
    await test.login('tidal');
    for (const client of ['claude-desktop', 'cursor'] as const) {
      const connected = await test.host.controller.connectAssistant(client);
      const read = await readClientEntry(client, currentEnvironment());
      if (!read.entry) throw new Error(`no entry written for ${client}`);
      assistantKeys.push(read.entry.env.TUNEBRIDGE_CLIENT_KEY ?? '');
      if (client === 'claude-desktop') entry = read.entry;
      expect(connected.configPath).toBe(read.path);
    }
    mcp = await connectMcpClient(entry, { name: 'lockdown-e2e' });
  });
  afterAll(async () => {
    await mcp?.close();
    await test?.stop();
    process.env = savedEnv;
    if (fixtureRoot) await rm(fixtureRoot, { recursive: true, force: true });
  });

  const search = () => mcp.callTool('spotify_search', { query: 'a', type: ['track'], limit: 2 });

  it('lets the bridge work before', async () => {
    expect((await search()).isError).toBe(false);
  });

  it('runs every step and reports each', async () => {
    const answer = await handleHostApi(test.host, { op: 'security.lockdown', confirm: true });
    if (answer.op !== 'security.lockdown') throw new Error(answer.op);
    lockdown = answer.report;
    expect(lockdown.steps.map((s) => [s.step, s.ok])).toEqual([
      ['pause', true],
      ['revoke-keys', true],
      ['client-configs', true],
      ['provider-logout', true],
      ['erase-tokens', true],
    ]);
    expect(lockdown.ok).toBe(true);
    expect(lockdown.steps[1]?.message).toMatch(
      /Revoked Claude Desktop’s key\. Revoked Cursor’s key\./,
    );
    expect(lockdown.steps[2]?.message).toMatch(
      /Removed TuneBridge from Claude Desktop .*backup at/,
    );
    expect(lockdown.steps[3]?.message).toMatch(/Logged out of Spotify.*Logged out of TIDAL/s);
  });

  it('leaves the bridge mid-session with refusals and its key unknown', async () => {
    const after = await search();
    expect(after.isError).toBe(true);
    expect(after.text).toMatch(/does not recognise this assistant’s key|revoked/);
    for (const key of assistantKeys) {
      await expect(test.bridge(key)).rejects.toThrow(/unknown|revoked|unauthori/i);
    }
  });

  it('takes TuneBridge out of every config and keeps the backups', async () => {
    for (const client of ['claude-desktop', 'cursor'] as const) {
      const read = await readClientEntry(client, currentEnvironment());
      expect(read.entry, client).toBeUndefined();
      const dir = join(read.path, '..');
      const backups = (await readdir(dir)).filter((name) => name.includes('tunebridge-backup'));
      expect(backups.length, client).toBeGreaterThan(0);
    }
  });

  it('logs out of every provider and erases the stored tokens', async () => {
    expect(test.host.accounts.summaries().map((a) => a.status)).not.toContain('connected');
    expect(await test.host.accounts.storedTokens('spotify')).toBeUndefined();
    expect(await test.host.accounts.storedTokens('tidal')).toBeUndefined();
    const [record] = await test.host.audit.query({ kind: 'lockdown', limit: 1 });
    expect(record?.outcome).toBe('ok');
    expect(record?.message).toMatch(/pause: done .*erase-tokens: done/);
  });

  it('writes an incident report folder with the export, the verification and the summary', async () => {
    const answer = await handleHostApi(test.host, { op: 'security.incident' });
    if (answer.op !== 'security.incident') throw new Error(answer.op);
    incident = answer.report;
    expect(incident.verified).toBe(true);
    expect((await stat(incident.folder)).mode & 0o777).toBe(0o700);
    const files = (await readdir(incident.folder)).sort();
    expect(files).toEqual([
      'audit-export.jsonl',
      'audit-verify.json',
      'summary.json',
      'summary.md',
    ]);
    for (const file of files) {
      expect((await stat(join(incident.folder, file))).mode & 0o777, file).toBe(0o600);
    }
    const summary = JSON.parse(await readFile(join(incident.folder, 'summary.json'), 'utf8'));
    expect(summary.incident.status).toBe('contained');
    expect(summary.incident.discoveredAt).toMatch(/^\d{4}-/);
    expect(summary.incident.impact).toMatch(/tool call/);
    expect(summary.affected.assistants.map((a: { name: string }) => a.name)).toContain(
      'Claude Desktop',
    );
    expect(summary.affected.providers.map((p: { provider: string }) => p.provider)).toContain(
      'spotify',
    );
    expect(
      summary.actionsTaken.some((a: { action: string }) => a.action.startsWith('Lockdown')),
    ).toBe(true);
    expect(summary.nextSteps.join('\n')).toMatch(/spotify\.com\/account\/apps/);
    const verify = JSON.parse(await readFile(join(incident.folder, 'audit-verify.json'), 'utf8'));
    expect(verify.ok).toBe(true);
    const exported = (await readFile(join(incident.folder, 'audit-export.jsonl'), 'utf8'))
      .trim()
      .split('\n');
    expect(exported.length).toBe(incident.records);
    expect(exported.some((line) => line.includes('"kind":"lockdown"'))).toBe(true);
  });

  it('holds no token or key anywhere in the report', async () => {
    const secrets = [
      ...test.sandbox.spotify.issuedTokens(),
      ...test.sandbox.tidal.issuedTokens(),
      ...assistantKeys,
      (await readFile(test.paths.controlKeyFile, 'utf8')).trim(),
    ].filter((secret) => secret.length > 0);
    expect(secrets.length).toBeGreaterThan(4);
    for (const file of await readdir(incident.folder)) {
      const text = await readFile(join(incident.folder, file), 'utf8');
      for (const secret of secrets) {
        expect(text.includes(secret), `${file} holds an issued secret`).toBe(false);
      }
    }
  });
});
