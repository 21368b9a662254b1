import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hostPaths,
  parseToolAccessFile,
  PUBLISHED_GROUPS,
  PUBLISHED_PROVIDERS,
  toolAccessFile,
} from '../../protocol/data-folder.js';
import { PermissionGroup } from '../../protocol/policy.js';
import { ProviderId } from '../../protocol/providers.js';
import { CLI } from '../helpers/cli-process.js';
import { connectMcpClient, type McpClient } from '../helpers/mcp-client.js';

const KEY = 'tbk_published-access-test-key';

/**
 * With TuneBridge stopped, the bridge lists what the host last published for its key (here:
 * Spotify connected, playback allowed, TIDAL not connected), and each call says to start it.
 */
describe('the bridge lists what the host last published while the host is down', () => {
  let home: string;
  let mcp: McpClient;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'tb-published-'));
    const { runDir } = hostPaths(home);
    await mkdir(runDir, { recursive: true, mode: 0o700 });
    const hash = createHash('sha256').update(KEY).digest('hex');
    const view = {
      version: 1,
      policy: { groups: ['read', 'playback'], providers: ['spotify', 'tidal'], paused: false },
      providers: [
        { provider: 'spotify', status: 'connected' },
        { provider: 'tidal', status: 'disconnected' },
      ],
    };
    await writeFile(toolAccessFile(runDir, hash), JSON.stringify(view), { mode: 0o600 });
    mcp = await connectMcpClient({
      command: process.execPath,
      args: [CLI, 'bridge'],
      env: { TUNEBRIDGE_HOME: home, TUNEBRIDGE_CLIENT_KEY: KEY },
    });
  });
  afterAll(async () => {
    await mcp?.close();
    await rm(home, { recursive: true, force: true });
  });

  it('lists playback tools and no TIDAL tool, from the first answer', async () => {
    const names = (await mcp.client.listTools()).tools.map((tool) => tool.name);
    expect(names).toContain('spotify_play');
    expect(names).toContain('spotify_search');
    expect(names).not.toContain('spotify_create_playlist');
    expect(names.some((name) => name.startsWith('tidal_'))).toBe(false);
  });

  it('says TuneBridge is not running when a tool is called', async () => {
    const answer = await mcp.callTool('spotify_play');
    expect(answer.isError).toBe(true);
    expect(answer.text).toMatch(/TuneBridge is not running/);
  });
});

describe('parseToolAccessFile', () => {
  it('knows the same groups and providers as the zod schemas', () => {
    expect(PUBLISHED_GROUPS).toEqual(PermissionGroup.options);
    expect(PUBLISHED_PROVIDERS).toEqual(ProviderId.options);
  });

  it('accepts the published shape and refuses anything else', () => {
    const good = {
      version: 1,
      policy: { groups: ['read'], providers: ['spotify'], paused: false },
      providers: [{ provider: 'spotify', status: 'connected' }],
    };
    expect(parseToolAccessFile(JSON.stringify(good))).toMatchObject({ policy: good.policy });
    expect(parseToolAccessFile('not json')).toBeUndefined();
    expect(parseToolAccessFile(JSON.stringify({ ...good, version: 2 }))).toBeUndefined();
    const badGroup = { ...good, policy: { ...good.policy, groups: ['everything'] } };
    expect(parseToolAccessFile(JSON.stringify(badGroup))).toBeUndefined();
    const badProvider = { ...good, providers: [{ provider: 'deezer', status: 'connected' }] };
    expect(parseToolAccessFile(JSON.stringify(badProvider))).toBeUndefined();
  });
});
