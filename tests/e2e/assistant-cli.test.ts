import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCliOutput, runCli } from '../helpers/cli-process.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

/**
 * The person's policy commands, each a real `tunebridge` process talking to a running host over
 * its control connection: choose more or less per assistant and provider, pause, resume, revoke
 * and log out.
 */
describe('tunebridge allow / deny / pause / resume / revoke / logout', () => {
  let env: TestHost;
  let cliEnv: NodeJS.ProcessEnv;
  let claudeId: string;
  let cursorId: string;
  const issuedKeys: string[] = [];

  const policyOf = (assistantId: string) => env.host.assistants.get(assistantId)?.policy;

  beforeAll(async () => {
    env = await startTestHost();
    await env.login('spotify');
    const claude = await env.issueAssistant('Claude Desktop');
    const cursor = await env.issueAssistant('Cursor');
    claudeId = claude.assistant.assistantId;
    cursorId = cursor.assistant.assistantId;
    issuedKeys.push(claude.assistantKey, cursor.assistantKey);
    cliEnv = { ...process.env, TUNEBRIDGE_HOME: env.home };
  });
  afterAll(() => env?.stop());

  it('lists assistants with what each may do', async () => {
    const { code, stdout } = await runCli(['assistants'], cliEnv);
    expect(code).toBe(0);
    expect(stdout).toContain('Claude Desktop (active) — may: Read library and history');
    expect(stdout).toContain(claudeId);
    const json = JSON.parse((await runCli(['assistants', '--json'], cliEnv)).stdout);
    expect(json.map((client: { name: string }) => client.name)).toEqual([
      'Claude Desktop',
      'Cursor',
    ]);
  });

  it('allows a group by assistant name, ignoring case, and audits it', async () => {
    const { code, stdout } = await runCli(['allow', 'claude desktop', 'playback'], cliEnv);
    expect(code).toBe(0);
    expect(stdout).toMatch(/may: Read library and history, Control playback/);
    expect(policyOf(claudeId)?.groups).toEqual(['read', 'playback']);
    expect(policyOf(cursorId)?.groups).toEqual(['read']);
    const [record] = await env.host.audit.query({
      kind: 'assistant.policy',
      assistantId: claudeId,
    });
    expect(record?.message).toMatch(/Control playback/);
  });

  it('switches a provider off and on per assistant, by id', async () => {
    expect((await runCli(['deny', cursorId, 'tidal'], cliEnv)).code).toBe(0);
    expect(policyOf(cursorId)?.providers).toEqual(['spotify']);
    expect((await runCli(['allow', cursorId, 'TIDAL', 'playlists-write'], cliEnv)).code).toBe(0);
    expect(policyOf(cursorId)).toMatchObject({
      providers: ['spotify', 'tidal'],
      groups: ['read', 'playlists-write'],
    });
    expect((await runCli(['deny', cursorId, 'playlists-write'], cliEnv)).code).toBe(0);
    expect(policyOf(cursorId)?.groups).toEqual(['read']);
  });

  it('refuses unknown permissions and assistants, and names a namesake apart', async () => {
    const badGroup = await runCli(['allow', 'Cursor', 'everything'], cliEnv);
    expect(badGroup.code).toBe(2);
    expect(badGroup.stderr).toMatch(/neither a permission group .*read, playback/);
    const nobody = await runCli(['allow', 'Copilot', 'read'], cliEnv);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toMatch(/no assistant called "Copilot".*"Claude Desktop", "Cursor"/);
    // A second "Cursor" gets a name of its own, so a name never has to be guessed between two.
    const twin = await env.issueAssistant('Cursor');
    issuedKeys.push(twin.assistantKey);
    expect(twin.assistant.name).toBe('Cursor (2)');
    expect((await runCli(['pause', 'Cursor (2)'], cliEnv)).code).toBe(0);
    expect(policyOf(twin.assistant.assistantId)?.paused).toBe(true);
    expect(policyOf(cursorId)?.paused).toBe(false);
    expect((await runCli(['revoke', twin.assistant.assistantId], cliEnv)).code).toBe(0);
  });

  it('pauses and resumes one assistant, or all of them at once', async () => {
    expect((await runCli(['pause', 'Cursor'], cliEnv)).code).toBe(0);
    expect(policyOf(cursorId)?.paused).toBe(true);
    expect(policyOf(claudeId)?.paused).toBe(false);
    expect((await runCli(['resume', 'Cursor'], cliEnv)).code).toBe(0);
    expect(policyOf(cursorId)?.paused).toBe(false);

    const paused = await runCli(['pause'], cliEnv);
    expect(paused.stdout).toMatch(/Paused every assistant/);
    expect(policyOf(cursorId)?.paused && policyOf(claudeId)?.paused).toBe(true);
    await runCli(['resume'], cliEnv);
    expect(policyOf(cursorId)?.paused || policyOf(claudeId)?.paused).toBe(false);
    // What the person chose before pausing survives the pause.
    expect(policyOf(claudeId)?.groups).toEqual(['read', 'playback']);
  });

  it('revokes an assistant for good', async () => {
    const { code, stdout } = await runCli(['revoke', 'Cursor'], cliEnv);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Revoked Cursor/);
    expect(env.host.assistants.get(cursorId)?.revokedAt).toBeDefined();
    expect((await runCli(['allow', 'Cursor', 'read'], cliEnv)).code).toBe(2);
  });

  it('logs out of a provider and says what happened at the provider', async () => {
    const { code, stdout } = await runCli(['logout', 'spotify'], cliEnv);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Logged out of Spotify/);
    expect(env.host.accounts.summary('spotify').status).toBe('disconnected');
    expect((await runCli(['logout', 'deezer'], cliEnv)).code).toBe(2);
    const never = await runCli(['logout', 'tidal'], cliEnv);
    expect(never.code).toBe(1);
    expect(never.stderr).toMatch(/TIDAL is not connected to TuneBridge/);
  });

  it('filters the audit log by an assistant’s name, and names --client when none matches', async () => {
    const byName = await runCli(['audit', '--client', 'claude desktop', '--json'], cliEnv);
    expect(byName.code).toBe(0);
    const records = byName.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { assistantId?: string });
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((record) => record.assistantId === claudeId)).toBe(true);
    const nobody = await runCli(['audit', '--client', 'Copilot'], cliEnv);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toMatch(/--client: there is no assistant called "Copilot".*"Cursor"/);
  });

  it('says how to start TuneBridge when it is not running', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'tb-cli-none-'));
    try {
      const { code, stderr } = await runCli(['pause'], { ...process.env, TUNEBRIDGE_HOME: empty });
      expect(code).toBe(1);
      expect(stderr).toMatch(/TuneBridge is not running/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('never prints a client key', () => {
    const output = allCliOutput();
    for (const key of issuedKeys) expect(output).not.toContain(key);
  });
});
