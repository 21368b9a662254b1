import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-process.js';

/** Every command the CLI has; the first test checks this list against `tunebridge --help`. */
const COMMANDS = [
  'serve',
  'login',
  'connect',
  'disconnect',
  'open',
  'status',
  'doctor',
  'audit',
  'assistants',
  'allow',
  'deny',
  'pause',
  'resume',
  'revoke',
  'approvals',
  'approve',
  'undo',
  'logout',
  'bridge',
  'security',
  'lockdown',
  'incident',
];

describe('the command line: help, typos and usage errors', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    // An empty data folder: no host runs there, and nothing here should need one.
    home = await mkdtemp(join(tmpdir(), 'tb-cli-'));
    env = { ...process.env, TUNEBRIDGE_HOME: home, NO_COLOR: '1' };
  });
  afterAll(() => rm(home, { recursive: true, force: true }));

  it('lists every command in its help', async () => {
    const { code, stdout } = await runCli(['--help'], env);
    expect(code).toBe(0);
    const listed = [...stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map((match) => match[1]);
    expect(listed.filter((name) => name !== 'help')).toEqual(COMMANDS);
  });

  it.each(COMMANDS)('`%s --help` exits 0 and shows an example', async (command) => {
    const { code, stdout } = await runCli([command, '--help'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: tunebridge ${command}\\b`, 'm'));
    expect(stdout).toMatch(new RegExp(`^ {2}\\$ tunebridge ${command}\\b`, 'm'));
  });

  it('suggests the command a typo meant, and exits 2', async () => {
    const { code, stderr } = await runCli(['stauts'], env);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'stauts'");
    expect(stderr).toContain('Did you mean status?');
  });

  it('suggests the flag a typo meant, and exits 2', async () => {
    const { code, stderr } = await runCli(['status', '--jsno'], env);
    expect(code).toBe(2);
    expect(stderr).toContain('Did you mean --json?');
  });

  it('names a bad value and what would do, and exits 2', async () => {
    const login = await runCli(['login', 'spotfy'], env);
    expect(login.code).toBe(2);
    expect(login.stderr).toMatch(/'spotfy' is invalid .*spotify, tidal/);

    const limit = await runCli(['audit', '--limit', 'abc'], env);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain("option '--limit <n>' argument 'abc' is invalid");

    const since = await runCli(['audit', '--since', 'last tuesday'], env);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain("option '--since <when>'");
  });

  it('tells a waiting change from an assistant for `deny`, and checks ids and receipts', async () => {
    const denyNothing = await runCli(['deny', 'Cursor'], env);
    expect(denyNothing.code).toBe(2);
    expect(denyNothing.stderr).toContain("missing required argument 'what'");

    const approve = await runCli(['approve', 'not-an-id'], env);
    expect(approve.code).toBe(2);
    expect(approve.stderr).toContain("'not-an-id' is invalid for argument 'id'");

    const undo = await runCli(['undo'], env);
    expect(undo.code).toBe(2);
    expect(undo.stderr).toContain('tunebridge undo --list');

    // A well-formed change id is an answer for the host, which isn't running here.
    const deny = await runCli(['deny', '3f2c9a1e-7b4d-4e2a-9c61-0d5e8f7a6b21'], env);
    expect(deny.code).toBe(1);
    expect(deny.stderr).toMatch(/TuneBridge is not running/);
  });

  it('accepts relative times for --since', async () => {
    for (const when of ['1h', '2d', 'yesterday', '2026-11-30']) {
      const { code, stdout } = await runCli(['audit', '--since', when], env);
      expect(code).toBe(0);
      expect(stdout).toContain('No audit records match.');
    }
  });

  it('exits 1 for a failure that is not a usage error', async () => {
    const { code, stderr } = await runCli(['status'], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/TuneBridge is not running/);
  });

  it('answers `status --json` with JSON when the host is down', async () => {
    const { code, stdout } = await runCli(['status', '--json'], env);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      running: false,
      message: expect.stringMatching(/TuneBridge is not running/) as unknown,
    });
  });

  it('prints its version and, with no command, its help', async () => {
    expect((await runCli(['--version'], env)).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const bare = await runCli([], env);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/^Usage: tunebridge/m);
  });
});
