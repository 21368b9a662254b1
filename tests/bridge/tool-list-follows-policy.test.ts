import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ASSISTANT_POLICY } from '../../protocol/policy.js';
import { visibleTools } from '../../mcp-bridge/bridge-server.js';
import { TOOLS } from '../../mcp-bridge/tools/index.js';
import type { BrokerClient } from '../../broker-client/broker-client.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';
import { send } from '../../broker-client/send-operation.js';

/**
 * The real stdio bridge, launched from the entry the host issued: its tool list starts as the
 * build-time manifest (the host may not be running), then narrows to what the policy allows and
 * follows every change the person makes, each announced with `notifications/tools/list_changed`.
 */
describe('the tool list follows policy and providers live', () => {
  let env: TestHost;
  let control: BrokerClient;
  let client: Client;
  let assistantId: string;
  let changes = 0;
  const waiters: Array<() => void> = [];

  const listChanged = () => new Promise<void>((resolve) => waiters.push(resolve));
  const names = async () => (await client.listTools()).tools.map((tool) => tool.name);
  const setPolicy = (groups: Array<'read' | 'playback' | 'library-write' | 'playlists-write'>) =>
    send(control, {
      op: 'assistant.policy',
      assistantId,
      policy: { ...DEFAULT_ASSISTANT_POLICY, groups },
    });

  beforeAll(async () => {
    env = await startTestHost();
    await env.login('spotify');
    const issued = await env.issueAssistant('Live list assistant');
    assistantId = issued.assistant.assistantId;
    control = await env.control();
    client = new Client({ name: 'list-test', version: '1.0.0' });
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      changes += 1;
      for (const resolve of waiters.splice(0)) resolve();
    });
    const firstChange = listChanged();
    await client.connect(
      new StdioClientTransport({
        command: issued.entry.command,
        args: issued.entry.args,
        env: issued.entry.env,
        cwd: '/',
        stderr: 'pipe',
      }),
    );
    // The manifest answers at once with every tool; the policy is known a moment later.
    expect(await names()).toContain('spotify_play');
    await firstChange;
  });
  afterAll(async () => {
    await client?.close();
    await env?.stop();
  });

  it('narrows to read-only tools for a newly connected assistant', async () => {
    const tools = await names();
    expect(tools).toContain('spotify_search');
    expect(tools).not.toContain('spotify_play');
    expect(tools).not.toContain('spotify_create_playlist');
    expect(changes).toBe(1);
  });

  it('adds playback tools when the person allows playback', async () => {
    const changed = listChanged();
    await setPolicy(['read', 'playback']);
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
});

describe('visibleTools', () => {
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
});
