import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../electron/host/audit/audit-log.js';
import { hostPaths } from '../../protocol/data-folder.js';
import { SecurityOverview } from '../../protocol/security.js';
import { runCli, startCli, type CliProcess } from '../helpers/cli-process.js';
import { fixtureHome } from '../clients/fixture-home.js';
import { seedAuditLog } from './seed-activity.js';

/**
 * The command line's side of the Security view against a running `tunebridge serve --sandbox`
 * over a seeded log: `security` prints the host's figures (which agree with the log), `incident
 * report` writes its folder, and `lockdown --yes` reports every step.
 */
describe('tunebridge security, incident report and lockdown', () => {
  let home: string;
  let fixtureRoot: string;
  let serve: CliProcess;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'tb-security-cli-'));
    await seedAuditLog(hostPaths(home).auditDir, Date.now());
    const fixture = await fixtureHome({ label: 'this OS', platform: process.platform });
    fixtureRoot = fixture.root;
    env = {
      ...process.env,
      ...fixture.env,
      TUNEBRIDGE_HOME: home,
      TUNEBRIDGE_SECRET_STORE: 'passphrase-file',
      TUNEBRIDGE_PASSPHRASE: 'security-cli-test',
    };
    for (const key of Object.keys(env))
      if (/^TUNEBRIDGE_(SPOTIFY|TIDAL)_/.test(key)) delete env[key];
    serve = startCli(['serve', '--sandbox', '--no-open'], env);
    await serve.waitForOutput(/TuneBridge is running/);
  });
  afterAll(async () => {
    await serve?.stop();
    if (home) await rm(home, { recursive: true, force: true });
    if (fixtureRoot) await rm(fixtureRoot, { recursive: true, force: true });
  });

  it('prints the figures as JSON, agreeing with the audit log', async () => {
    const { code, stdout } = await runCli(['security', '--json'], env);
    expect(code).toBe(0);
    const overview = SecurityOverview.parse(JSON.parse(stdout));
    const log = await AuditLog.open(hostPaths(home).auditDir);
    const records = await log.query({ limit: 100_000 });
    await log.close();
    for (const range of ['24h', '7d', '30d'] as const) {
      const { from, to, toolCallsByAssistant, failedAuth } = overview.figures[range];
      const period = records.filter(
        (r) => Date.parse(r.time) >= Date.parse(from) && Date.parse(r.time) <= Date.parse(to),
      );
      const calls = period.filter((r) => r.kind === 'tool.call' && r.outcome !== 'refused');
      expect(
        toolCallsByAssistant.reduce((a, b) => a + b.calls, 0),
        range,
      ).toBe(calls.length);
      expect(failedAuth, range).toBe(
        period.filter((r) => r.kind === 'broker.auth' && r.outcome !== 'ok').length,
      );
    }
    expect(overview.anomalies.map((a) => a.kind)).toContain('failed-auth-burst');
    expect(overview.dates.map((d) => d.kind)).toContain('pin-review');
  });

  it('prints the same in words', async () => {
    const { code, stdout } = await runCli(['security'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Last 24 h: \d+ tool calls/);
    expect(stdout).toMatch(/Claude Desktop made [\d.]+× its usual calls today/);
    expect(stdout).toMatch(/Certificate pins next review: \d{4}-\d{2}-\d{2}/);
  });

  it('writes an incident report folder', async () => {
    const { code, stdout } = await runCli(['incident', 'report', '--since', '2d'], env);
    expect(code).toBe(0);
    const folder = /written to (\S+)/.exec(stdout)?.[1] ?? '';
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    expect((await readdir(folder)).sort()).toEqual([
      'audit-export.jsonl',
      'audit-verify.json',
      'summary.json',
      'summary.md',
    ]);
  });

  it('refuses to lock down without a confirmation, then does with --yes', async () => {
    const refused = await runCli(['lockdown'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/tunebridge lockdown --yes/);
    const { code, stdout } = await runCli(['lockdown', '--yes'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Lockdown complete\./);
    expect(stdout.match(/✓/g)?.length).toBe(5);
  });
});
