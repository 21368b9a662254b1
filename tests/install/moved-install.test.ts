import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssistantSummary, McpServerEntry } from '../../protocol/broker.js';
import { configPath, currentEnvironment } from '../../electron/host/clients/client-paths.js';
import { runCli, startCli, type CliProcess } from '../helpers/cli-process.js';
import { withMcpClient } from '../helpers/mcp-client.js';

/**
 * Moving (or updating) TuneBridge leaves connected assistants working: Claude Desktop's entry
 * starts the launcher in the data folder, which each host start points at the install that
 * started it. Here an install is copied to one folder, connected, moved to another, started from
 * there, and Claude Desktop's unchanged entry still reaches the host.
 */
describe('a moved install', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  let host: CliProcess | undefined;
  let configFile: string;

  /** An install: the built dist/, its package.json, and the dependencies beside it. */
  async function install(at: string): Promise<void> {
    await mkdir(at, { recursive: true });
    await cp(resolve('dist'), join(at, 'dist'), { recursive: true });
    await cp(resolve('package.json'), join(at, 'package.json'));
    await symlink(resolve('node_modules'), join(at, 'node_modules'), 'dir');
  }
  const cliIn = (at: string) => join(at, 'dist', 'cli.js');
  async function serveFrom(at: string): Promise<CliProcess> {
    const started = startCli(['serve', '--sandbox', '--no-open'], env, cliIn(at));
    await started.waitForOutput(/TuneBridge is running/);
    return started;
  }
  const entryInFile = async () =>
    McpServerEntry.parse(
      (JSON.parse(await readFile(configFile, 'utf8')) as { mcpServers: { tunebridge: unknown } })
        .mcpServers.tunebridge,
    );
  async function claude(at: string): Promise<AssistantSummary | undefined> {
    const status = await runCli(['status', '--json'], env, cliIn(at));
    return AssistantSummary.array()
      .parse(JSON.parse(status.stdout).assistants)
      .find((assistant) => assistant.name === 'Claude Desktop');
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'tb-moved-'));
    const home = join(root, 'home');
    env = {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      TUNEBRIDGE_HOME: join(root, 'data'),
      TUNEBRIDGE_SECRET_STORE: 'keyring',
    };
    for (const key of Object.keys(env))
      if (/^TUNEBRIDGE_(SPOTIFY|TIDAL)_/.test(key)) delete env[key];
    configFile = configPath('claude-desktop', currentEnvironment(env));
    await mkdir(dirname(configFile), { recursive: true });
    await writeFile(configFile, JSON.stringify({ mcpServers: {} }));
  });
  afterAll(async () => {
    await host?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('points Claude Desktop at the data folder’s launcher, not at the install', async () => {
    const first = join(root, 'apps', 'tunebridge-1');
    await install(first);
    host = await serveFrom(first);
    const connected = await runCli(['connect', 'claude-desktop'], env, cliIn(first));
    expect(connected.code).toBe(0);
    const entry = await entryInFile();
    expect(entry.command).toBe(join(root, 'data', 'bin', 'tunebridge-bridge'));
    expect(JSON.stringify(entry)).not.toContain(first);
  });

  it('still connects after the install moved and the host started from the new place', async () => {
    await host?.stop();
    const first = join(root, 'apps', 'tunebridge-1');
    const moved = join(root, 'elsewhere', 'tunebridge');
    await mkdir(dirname(moved), { recursive: true });
    await rename(first, moved);
    host = await serveFrom(moved);

    const launcher = await readFile(join(root, 'data', 'bin', 'tunebridge-bridge'), 'utf8');
    expect(launcher).toContain(join(moved, 'dist', 'bridge.cjs'));
    expect(launcher).not.toContain(first);

    const before = await claude(moved);
    expect(before?.lastSeenAt).toBeUndefined();
    // Claude Desktop starts exactly what its file says, unchanged since the connect above.
    await withMcpClient(await entryInFile(), { name: 'claude-ai' }, async (mcp) => {
      // Listing tools asks the host what this assistant may use: the bridge reached it.
      const { tools } = await mcp.client.listTools();
      expect(Array.isArray(tools)).toBe(true);
    });
    const after = await claude(moved);
    expect(after?.revoked).toBe(false);
    expect(after?.lastSeenAt).toBeDefined();
  });
});
