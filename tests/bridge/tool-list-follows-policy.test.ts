import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ASSISTANT_POLICY, PermissionGroup } from '../../protocol/policy.js';
import { toolAccessFile } from '../../protocol/data-folder.js';
import { toolAccess } from '../../mcp-bridge/bridge-manifest.js';
import { GROUP_BITS, visibleNames } from '../../mcp-bridge/tool-visibility.js';
import type { ToolDefinition } from '../../mcp-bridge/tools/define-tool.js';
import type { AccessView } from '../../protocol/data-folder.js';
import { TOOLS } from '../../mcp-bridge/tools/index.js';
import type { BrokerClient } from '../../broker-client/broker-client.js';
import { send } from '../../broker-client/send-operation.js';
import { runCli } from '../helpers/cli-process.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

/**
 * The real stdio bridge, launched from the entry the host issued. Its very first tools/list is
 * already what the assistant may use (the host published it when the key was issued), then it
 * follows every change the person makes, each announced with `notifications/tools/list_changed`.
 */
describe('the tool list is true from the first answer and follows policy live', () => {
  let env: TestHost;
  let control: BrokerClient;
  let client: Client;
  let assistantId: string;
  let assistantKey: string;
  let firstList: Array<{ name: string; annotations?: { readOnlyHint?: boolean } }>;
  const waiters: Array<() => void> = [];

  const listChanged = () => new Promise<void>((resolve) => waiters.push(resolve));
  const names = async () => (await client.listTools()).tools.map((tool) => tool.name);

  beforeAll(async () => {
    env = await startTestHost();
    await env.login('spotify');
    const issued = await env.issueAssistant('Live list assistant');
    assistantId = issued.assistant.assistantId;
    assistantKey = issued.assistantKey;
    control = await env.control();
    client = new Client({ name: 'list-test', version: '1.0.0' });
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      for (const resolve of waiters.splice(0)) resolve();
    });
    await client.connect(
      new StdioClientTransport({
        command: issued.entry.command,
        args: issued.entry.args,
        env: issued.entry.env,
        cwd: '/',
        stderr: 'pipe',
      }),
    );
    // Taken at once, as a client that lists tools once would.
    firstList = (await client.listTools()).tools;
  });
  afterAll(async () => {
    await client?.close();
    await env?.stop();
  });

  it('first lists only read-only tools, and no TIDAL tool while TIDAL is disconnected', () => {
    const first = firstList.map((tool) => tool.name);
    expect(first).toContain('spotify_search');
    expect(firstList.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
    expect(first.some((name) => name.startsWith('tidal_'))).toBe(false);
    expect(first).not.toContain('copy_playlist');
  });

  it('keeps what decides the list in an owner-only file named by a hash of the key', async () => {
    const hash = createHash('sha256').update(assistantKey).digest('hex');
    const file = toolAccessFile(env.paths.runDir, hash);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('grows after `tunebridge allow <assistant> playback`, announced with list_changed', async () => {
    const changed = listChanged();
    const { code } = await runCli(['allow', 'Live list assistant', 'playback'], {
      ...process.env,
      TUNEBRIDGE_HOME: env.home,
    });
    expect(code).toBe(0);
    await changed;
    const tools = await names();
    expect(tools).toContain('spotify_play');
    expect(tools).not.toContain('spotify_create_playlist');
  });

  it('lists nothing while paused and everything allowed again on resume', async () => {
    let changed = listChanged();
    await send(control, { op: 'pause.all', paused: true });
    await changed;
    expect(await names()).toEqual([]);
    changed = listChanged();
    await send(control, { op: 'pause.all', paused: false });
    await changed;
    expect(await names()).toContain('spotify_play');
  });

  it('drops a provider’s tools when it is logged out', async () => {
    const changed = listChanged();
    await send(control, { op: 'logout', provider: 'spotify' });
    await changed;
    expect(await names()).toEqual([]);
  });

  it('removes the file when the assistant is revoked', async () => {
    const hash = createHash('sha256').update(assistantKey).digest('hex');
    await send(control, { op: 'assistant.revoke', assistantId });
    await expect(stat(toolAccessFile(env.paths.runDir, hash))).rejects.toThrow(/ENOENT/);
  });
});

/** The tools visibleNames lets through, as the bridge computes them from its manifest. */
function visibleTools(tools: readonly ToolDefinition[], view: AccessView | undefined) {
  const names = new Set(visibleNames(tools.map(toolAccess), view));
  return tools.filter((tool) => names.has(tool.name));
}

describe('visibleNames', () => {
  it('numbers sets of groups in PermissionGroup’s order, as the manifest does', () => {
    expect(GROUP_BITS).toEqual(PermissionGroup.options);
  });

  const connected = [{ provider: 'spotify' as const, status: 'connected' as const, scopes: [] }];

  it('needs the provider connected, switched on, and every scope covered by a group', () => {
    const all = visibleTools(TOOLS, {
      policy: {
        groups: ['read', 'playback', 'library-write', 'playlists-write'],
        providers: ['spotify', 'tidal'],
        paused: false,
      },
      providers: connected,
    });
    expect(all.length).toBe(TOOLS.filter((tool) => tool.provider === 'spotify').length);
    const off = visibleTools(TOOLS, {
      policy: { ...DEFAULT_ASSISTANT_POLICY, providers: ['tidal'] },
      providers: connected,
    });
    expect(off).toEqual([]);
    const needsLogin = visibleTools(TOOLS, {
      policy: DEFAULT_ASSISTANT_POLICY,
      providers: [{ ...connected[0]!, status: 'needs-login' }],
    });
    expect(needsLogin).toEqual([]);
    const readOnly = visibleTools(TOOLS, {
      policy: DEFAULT_ASSISTANT_POLICY,
      providers: connected,
    });
    expect(readOnly.every((tool) => tool.kind === 'read')).toBe(true);
  });

  it('lists read-only tools only when the host never published a view', () => {
    const unknown = visibleTools(TOOLS, undefined);
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((tool) => tool.kind === 'read')).toBe(true);
  });
});
