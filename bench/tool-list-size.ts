import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PermissionGroup } from '../protocol/policy.js';
import { hostPaths, TOOL_ACCESS_FILE_VERSION, toolAccessFile } from '../protocol/data-folder.js';

const BRIDGE = resolve('dist/bridge.cjs');
const KEY = 'tbk_bench-list-size';

export interface ListSize {
  policy: string;
  providers: string;
  tools: number;
  bytes: number;
}

const POLICIES: Array<[string, PermissionGroup[]]> = [
  ['read-only (default)', ['read']],
  ['playback', ['read', 'playback']],
  ['everything', ['read', 'playback', 'library-write', 'playlists-write']],
];
const CONNECTED: Array<[string, Array<'spotify' | 'tidal'>]> = [
  ['Spotify', ['spotify']],
  ['Spotify + TIDAL', ['spotify', 'tidal']],
];

/**
 * The size of the first `tools/list` answer (the JSON-RPC line the bridge writes) per policy and
 * connected providers, taken from the built bridge with a published view in its run directory,
 * as an assistant's first listing sees it. Issue 13's target: ≤ 25 KB for a read-only assistant.
 */
export async function measureToolListSizes(): Promise<ListSize[]> {
  const sizes: ListSize[] = [];
  for (const [policy, groups] of POLICIES) {
    for (const [providers, connected] of CONNECTED) {
      const home = await mkdtemp(join(tmpdir(), 'tb-bench-list-'));
      try {
        const { runDir } = hostPaths(home);
        await mkdir(runDir, { recursive: true, mode: 0o700 });
        const hash = createHash('sha256').update(KEY).digest('hex');
        const view = {
          version: TOOL_ACCESS_FILE_VERSION,
          policy: { groups, providers: ['spotify', 'tidal'], paused: false },
          providers: connected.map((provider) => ({ provider, status: 'connected' })),
        };
        await writeFile(toolAccessFile(runDir, hash), JSON.stringify(view), { mode: 0o600 });
        const line = await firstToolsList({ TUNEBRIDGE_HOME: home, TUNEBRIDGE_CLIENT_KEY: KEY });
        const tools = (JSON.parse(line) as { result: { tools: unknown[] } }).result.tools.length;
        sizes.push({ policy, providers, tools, bytes: Buffer.byteLength(line) });
      } finally {
        await rm(home, { recursive: true, force: true });
      }
    }
  }
  return sizes;
}

function firstToolsList(env: NodeJS.ProcessEnv): Promise<string> {
  const messages = [
    {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: 'b', version: '1' },
      },
    },
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} },
  ];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BRIDGE], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      // Only whole lines: a large answer arrives in several chunks.
      const line = buffered
        .split('\n')
        .slice(0, -1)
        .find((candidate) => candidate.includes('"id":2'));
      if (line) {
        child.kill();
        resolvePromise(line);
      }
    });
    child.on('error', reject);
    child.stdin.write(`${messages.map((m) => JSON.stringify(m)).join('\n')}\n`);
  });
}

export function listSizeLines(sizes: readonly ListSize[]): string[] {
  return [
    'First tools/list size per policy (the answer line, bytes)',
    ...sizes.map(
      (size) =>
        `  ${size.policy.padEnd(20)} ${size.providers.padEnd(16)} ${String(size.tools).padStart(2)} tools  ${(size.bytes / 1000).toFixed(1)} KB (${size.bytes} bytes)` +
        (size.policy.startsWith('read-only')
          ? `  (target ≤ 25 KB: ${size.bytes <= 25_000 ? 'meets target' : 'MISSES target'})`
          : ''),
    ),
  ];
}
