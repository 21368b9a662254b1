import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tildePath } from '../../protocol/home-path.js';
import { McpServerEntry } from '../../protocol/broker.js';
import { AssistantSummary } from '../../protocol/broker.js';
import { configPath, currentEnvironment } from '../../electron/host/clients/client-paths.js';
import { startSandbox } from '../../sandbox/index.js';
import { allCliOutput, runCli, startCli, type CliProcess } from '../helpers/cli-process.js';
import { withMcpClient } from '../helpers/mcp-client.js';
import { fixtureHome } from './fixture-home.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const THEIRS = {
  globalShortcut: 'Ctrl+Space',
  mcpServers: { filesystem: { command: 'npx', args: ['-y', 'server-filesystem', '/tmp'] } },
};

/**
 * Connecting as a person walks it: the host runs, Spotify is logged in, `tunebridge connect
 * claude-desktop` writes the entry into a fixture home's Claude Desktop config, and an MCP client
 * starts exactly what that file says and searches. Connecting again rotates the key; disconnect
 * removes exactly our entry and revokes its key.
 */
describe('tunebridge connect claude-desktop, end to end', () => {
  let root: string;
  let sandbox: Sandbox;
  let host: CliProcess;
  let env: NodeJS.ProcessEnv;
  let path: string;

  beforeAll(async () => {
    const fixture = await fixtureHome({ label: 'this OS', platform: process.platform });
    root = fixture.root;
    sandbox = await startSandbox();
    env = {
      ...process.env,
      ...fixture.env,
      TUNEBRIDGE_HOME: `${root}/tunebridge-data`,
      TUNEBRIDGE_SECRET_STORE: 'keyring',
      TUNEBRIDGE_SPOTIFY_CLIENT_ID: sandbox.spotify.clientId,
      TUNEBRIDGE_SPOTIFY_AUTHORIZE_URL: sandbox.spotify.authorizeUrl,
      TUNEBRIDGE_SPOTIFY_TOKEN_URL: sandbox.spotify.tokenUrl,
      TUNEBRIDGE_SPOTIFY_API_URL: sandbox.spotify.baseUrl,
    };
    path = configPath('claude-desktop', currentEnvironment(env));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify(THEIRS, null, 2));
    host = startCli(['serve', '--no-sandbox'], env);
    await host.waitForOutput(/TuneBridge is running/);
    const login = startCli(['login', 'spotify', '--no-open'], env);
    const [url] = await login.waitForOutput(/http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+/);
    await sandbox.spotify.approve(url);
    expect(await login.exit).toBe(0);
  });

  afterAll(async () => {
    await host?.stop();
    await sandbox?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function entryInFile(): Promise<McpServerEntry> {
    const file = JSON.parse(await readFile(path, 'utf8'));
    expect(file.globalShortcut).toBe(THEIRS.globalShortcut);
    expect(file.mcpServers.filesystem).toEqual(THEIRS.mcpServers.filesystem);
    return McpServerEntry.parse(file.mcpServers.tunebridge);
  }

  async function clients(): Promise<AssistantSummary[]> {
    const status = await runCli(['status', '--json'], env);
    return AssistantSummary.array().parse(JSON.parse(status.stdout).assistants);
  }

  it('writes the entry, and the client it starts answers spotify_search', async () => {
    const connected = await runCli(['connect', 'claude-desktop'], env);
    expect(connected.stderr).toBe('');
    expect(connected.code).toBe(0);
    expect(connected.stdout).toContain(
      `wrote its entry into ~${path.slice((env.HOME ?? '').length)}`,
    );
    expect(connected.stdout).toMatch(/Quit Claude Desktop completely/);

    const entry = await entryInFile();
    // The launcher in the data folder, never this checkout's dist/cli.js.
    expect(entry.command).toBe(`${root}/tunebridge-data/bin/tunebridge-bridge`);
    expect(JSON.stringify(entry)).not.toContain('dist/cli.js');
    // The key is in the file for the client, and nowhere in what the command printed.
    expect(allCliOutput()).not.toContain(entry.env.TUNEBRIDGE_CLIENT_KEY);

    await withMcpClient(entry, { name: 'claude-desktop-stand-in' }, async (mcp) => {
      const result = await mcp.callTool<{ tracks: Array<{ uri: string }> }>('spotify_search', {
        query: sandbox.spotify.sampleQuery,
        type: ['track'],
        limit: 2,
      });
      expect(result.isError).toBe(false);
      expect(result.structured.tracks[0]?.uri).toMatch(/^spotify:track:/);
    });
  });

  it('connecting again keeps one entry and the same assistant, with a new key', async () => {
    const before = await entryInFile();
    const again = await runCli(['connect', 'claude-desktop'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      'Claude Desktop keeps its permissions: it has a new key, and the old one no longer works.',
    );
    const after = await entryInFile();
    expect(after.env.TUNEBRIDGE_CLIENT_KEY).not.toBe(before.env.TUNEBRIDGE_CLIENT_KEY);
    const named = (await clients()).filter((c) => c.name === 'Claude Desktop');
    expect(named.map((c) => c.revoked)).toEqual([false]);
  });

  it('disconnect removes exactly our entry and revokes its key', async () => {
    const gone = await runCli(['disconnect', 'claude-desktop'], env);
    expect(gone.code).toBe(0);
    expect(gone.stdout).toContain('Removed TuneBridge');
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(THEIRS);
    expect((await clients()).every((c) => c.revoked)).toBe(true);
  });

  it('refuses a broken config with the path, line, column and snippet, and issues no key', async () => {
    await writeFile(path, '{\n  "mcpServers": {\n}');
    const refused = await runCli(['connect', 'claude-desktop'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${path} is not valid JSON at line 3, column 2`);
    expect(refused.stderr).toContain('"tunebridge": {');
    expect(await readFile(path, 'utf8')).toBe('{\n  "mcpServers": {\n}');
    expect((await clients()).filter((c) => !c.revoked)).toEqual([]);
  });

  it('makes a Claude Desktop extension through the host, as the window does', async () => {
    const out = `${root}/TuneBridge.mcpb`;
    const made = await runCli(
      ['connect', 'claude-desktop', '--bundle', '--out', out, '--no-open'],
      env,
    );
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(
      `Claude Desktop extension written to ${tildePath(out, env.HOME ?? '')}.`,
    );
    expect((await stat(out)).size).toBeGreaterThan(0);
    const bundled = (await clients()).filter(
      (assistant) => assistant.name === 'Claude Desktop (bundle)' && !assistant.revoked,
    );
    expect(bundled).toHaveLength(1);
    // Its key lives in Claude Desktop's own store: a later config connect must not retire it.
    await writeFile(path, JSON.stringify(THEIRS, null, 2));
    expect((await runCli(['connect', 'claude-desktop'], env)).code).toBe(0);
    const after = (await clients()).find(
      (assistant) => assistant.assistantId === bundled[0]?.assistantId,
    );
    expect(after?.revoked).toBe(false);
  });
});
