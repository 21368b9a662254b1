// `npm run soak` (or `node --import tsx bench/soak.ts [bridges] [callsPerBridge]`): four bridges
// each make 5,000 tool calls through a host running as its own process, against the sandbox with
// seeded 429 and 5xx answers on 10% of API requests, and the host is restarted once halfway.
// Reported, not asserted: it prints calls answered, errors by kind, the slowest call against its
// budget, the restart's gap, and the host's memory: RSS from /proc as it runs, then RSS and heap
// after a full GC, read inside the host by bench/soak-probe.mjs (loaded through NODE_OPTIONS; it
// acts only on the bench's SIGUSR2). TB_SOAK_SNAPSHOTS=1 also writes a heap snapshot at each
// reading (bench/heap-diff.mjs compares two); snapshots inflate later RSS, so not for the figures.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deletePassword, findCredentials } from '@napi-rs/keyring/keytar.js';
import { startSandbox } from '../sandbox/index.js';
import { connectMcpClient, type McpClient } from '../tests/helpers/mcp-client.js';
import { startCli, type CliProcess } from '../tests/helpers/cli-process.js';

const BRIDGES = Number(process.argv[2] ?? 4);
const CALLS_PER_BRIDGE = Number(process.argv[3] ?? 5_000);
const FAULT_SHARE = 0.1;
const SEED = 20261130;
/**
 * The host's retry budget (8 s), plus the bridge's wait for a restarting host (5 s,
 * mcp-bridge/host-return.ts), plus 2 s for the round trips.
 */
const CALL_BUDGET_MS = 15_000;

const sandbox = await startSandbox();
const home = await mkdtemp(join(tmpdir(), 'tb-soak-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  TUNEBRIDGE_HOME: home,
  TUNEBRIDGE_SECRET_STORE: 'keyring',
  TUNEBRIDGE_SPOTIFY_CLIENT_ID: sandbox.spotify.clientId,
  TUNEBRIDGE_SPOTIFY_AUTHORIZE_URL: sandbox.spotify.authorizeUrl,
  TUNEBRIDGE_SPOTIFY_TOKEN_URL: sandbox.spotify.tokenUrl,
  TUNEBRIDGE_SPOTIFY_API_URL: sandbox.spotify.apiBaseUrl,
  TUNEBRIDGE_SPOTIFY_REDIRECT_PORT: '0',
};

/** Where the host's probe (bench/soak-probe.mjs) writes its memory readings and snapshots. */
const probeDir = await mkdtemp(join(tmpdir(), 'tb-soak-probe-'));
const PROBE = fileURLToPath(new URL('./soak-probe.mjs', import.meta.url));
const HOST_FLAGS = process.env.TB_SOAK_HOST_NODE_OPTIONS ?? '';

async function startHost(): Promise<CliProcess> {
  const host = startCli(['serve', '--no-sandbox', '--no-open'], {
    ...env,
    // TB_SOAK_HOST_NODE_OPTIONS: extra V8 flags for a diagnostic run (printed in the report).
    NODE_OPTIONS: `--import=${PROBE} ${HOST_FLAGS}`.trim(),
    TB_SOAK_PROBE_DIR: probeDir,
  });
  await host.waitForOutput(/Press Ctrl\+C to stop/, 30_000);
  return host;
}

interface Memory {
  rss: number;
  heapUsed: number;
}
interface Reading {
  /** RSS from /proc as the host runs, before anything is collected. */
  rss: number;
  /** What the host holds after two full collections: the figures a leak shows in. */
  afterGc: Memory;
}

/** Asks the host's probe for a reading: RSS as it is, then RSS and heap after a full GC. */
async function readMemory(pid: number | undefined): Promise<Reading> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  const seen = new Set(await readdir(probeDir));
  process.kill(pid ?? 0, 'SIGUSR2');
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const fresh = (await readdir(probeDir)).find((f) => f.endsWith('.json') && !seen.has(f));
    if (fresh) {
      const probe = JSON.parse(await readFile(join(probeDir, fresh), 'utf8')) as {
        afterGc: Memory;
      };
      return { rss, afterGc: probe.afterGc };
    }
  }
}

/** Runs a CLI command to its end and returns what it printed. */
async function cli(args: string[], onOutput?: (text: string) => void): Promise<string> {
  const command = startCli(args, env);
  if (onOutput) command.child.stdout.on('data', () => onOutput(command.stdout()));
  await command.exit;
  return command.stdout();
}

let host = await startHost();
let approved: Promise<string> | undefined;
await cli(['login', 'spotify', '--no-open'], (text) => {
  const url = /https?:\/\/\S+authorize\S+/.exec(text)?.[0];
  if (url && !approved) approved = sandbox.spotify.approve(url);
});
await approved;

const bridges: McpClient[] = [];
for (let i = 0; i < BRIDGES; i += 1) {
  const printed = await cli(['connect', 'print', '--name', `soak ${i + 1}`]);
  const entry = JSON.parse(printed) as {
    mcpServers: Record<string, { command: string; args?: string[]; env?: Record<string, string> }>;
  };
  const server = Object.values(entry.mcpServers)[0];
  if (!server) throw new Error('connect print gave no entry');
  bridges.push(
    await connectMcpClient(
      { command: server.command, args: server.args, env: { ...server.env } },
      { name: `soak-${i + 1}`, stderr: 'ignore' },
    ),
  );
}

const search = await bridges[0]?.callTool<{ tracks: Array<{ uri: string }> }>('spotify_search', {
  query: sandbox.spotify.sampleQuery,
  limit: 5,
});
const trackUri = search?.structured.tracks[0]?.uri;
if (!trackUri) throw new Error('The sandbox gave no track.');
const calls: Array<[string, Record<string, unknown>]> = [
  ['spotify_search', { query: sandbox.spotify.sampleQuery, limit: 5 }],
  ['spotify_get_track', { track_id: trackUri }],
  ['spotify_get_saved_tracks', { limit: 20 }],
  ['spotify_get_playback', {}],
  ['spotify_get_recently_played', { limit: 10 }],
];

sandbox.spotify.setRandomFaults({
  share: FAULT_SHARE,
  statuses: [429, 500, 503],
  retryAfterSeconds: 1,
  seed: SEED,
});

/** RSS is compared after a warm-up, so start-up allocation and JIT don't count as growth. */
const WARMUP_CALLS = Math.max(50, Math.floor(CALLS_PER_BRIDGE * BRIDGES * 0.05));
type Moment =
  | 'host 1 after warm-up'
  | 'host 1 halfway'
  | 'host 1 before restart'
  | 'host 2 after warm-up'
  | 'host 2 at the end';
const hostRss = new Map<Moment, Reading>();
/** The restart: from the stop signal until host 2 says it is ready. */
const gap = { from: 0, to: 0, calls: 0, failed: 0 };
const errors = new Map<string, number>();
let answered = 0;
let overBudget = 0;
let slowest = 0;
let done = 0;
const total = BRIDGES * CALLS_PER_BRIDGE;
let restarted: Promise<void> | undefined;
let host2StartedAt: number | undefined;

const samples = new Map<string, string>();
function kind(text: string): string {
  const key = /TuneBridge is not running|connection to TuneBridge closed/i.test(text)
    ? 'host restarting (TuneBridge not reachable)'
    : /rate.?limit|too many requests/i.test(text)
      ? 'rate limited (429 past the retry budget)'
      : /unavailable|server error|5\d\d/i.test(text)
        ? 'provider unavailable (5xx after retries)'
        : 'other';
  if (!samples.has(key)) samples.set(key, text.slice(0, 160));
  return key;
}

async function run(bridge: McpClient): Promise<void> {
  for (let i = 0; i < CALLS_PER_BRIDGE; i += 1) {
    const [name, args] = calls[i % calls.length] ?? ['spotify_get_playback', {}];
    const started = performance.now();
    let failed = true;
    try {
      const answer = await bridge.callTool(name, args);
      answered += 1;
      failed = answer.isError;
      if (answer.isError) errors.set(kind(answer.text), (errors.get(kind(answer.text)) ?? 0) + 1);
    } catch (error) {
      const key = `no answer: ${error instanceof Error ? error.message.slice(0, 60) : 'unknown'}`;
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
    // Calls in flight or made while the host was down: they waited for host 2 (or failed).
    if (gap.from > 0 && started < (gap.to || Infinity) && performance.now() > gap.from) {
      gap.calls += 1;
      if (failed) gap.failed += 1;
    }
    const took = performance.now() - started;
    slowest = Math.max(slowest, took);
    if (took > CALL_BUDGET_MS) overBudget += 1;
    done += 1;
    if (done === WARMUP_CALLS)
      hostRss.set('host 1 after warm-up', await readMemory(host.child.pid));
    // A reading halfway to the restart shows whether growth keeps on or levels off.
    if (done === Math.floor(total / 4))
      hostRss.set('host 1 halfway', await readMemory(host.child.pid));
    if (done === Math.floor(total / 2) && !restarted) restarted = restartHost();
    // Host 2's warm-up counts from its start, so calls that waited for it don't count.
    if (host2StartedAt !== undefined && done === host2StartedAt + WARMUP_CALLS) {
      hostRss.set('host 2 after warm-up', await readMemory(host.child.pid));
    }
    if (done % 1000 === 0) process.stderr.write(`  ${done}/${total} calls\n`);
  }
}

async function restartHost(): Promise<void> {
  hostRss.set('host 1 before restart', await readMemory(host.child.pid));
  gap.from = performance.now();
  await host.stop();
  host = await startHost();
  gap.to = performance.now();
  host2StartedAt = done;
}

const started = performance.now();
await Promise.all(bridges.map((bridge) => run(bridge)));
await restarted;
const seconds = (performance.now() - started) / 1000;
hostRss.set('host 2 at the end', await readMemory(host.child.pid));

function growth(hostNumber: 1 | 2, what: 'rss' | 'gc' | 'heap'): string {
  const pick = (r: Reading | undefined): number =>
    !r ? NaN : what === 'rss' ? r.rss : what === 'gc' ? r.afterGc.rss : r.afterGc.heapUsed;
  const [from, to]: [Moment, Moment] =
    hostNumber === 1
      ? ['host 1 after warm-up', 'host 1 before restart']
      : ['host 2 after warm-up', 'host 2 at the end'];
  const mb = pick(hostRss.get(to)) - pick(hostRss.get(from));
  return `host ${hostNumber} ${mb >= 0 ? '+' : ''}${mb.toFixed(1)} MB`;
}

const lines = [
  `Soak: ${BRIDGES} bridges × ${CALLS_PER_BRIDGE} calls, ${FAULT_SHARE * 100}% seeded 429/5xx (seed ${SEED}), host restarted at call ${Math.floor(total / 2)}${HOST_FLAGS ? `; host run with ${HOST_FLAGS} (diagnostic, not the product's settings)` : ''}`,
  `  calls answered   ${answered} of ${total} in ${seconds.toFixed(0)} s`,
  `  errors by kind   ${errors.size === 0 ? 'none' : ''}`,
  ...[...errors]
    .sort((a, b) => b[1] - a[1])
    .map(
      ([k, n]) => `    ${String(n).padStart(6)}  ${k}\n            e.g. "${samples.get(k) ?? k}"`,
    ),
  `  slowest call     ${(slowest / 1000).toFixed(2)} s; over the ${CALL_BUDGET_MS / 1000} s budget: ${overBudget}`,
  `  restart          host down ${((gap.to - gap.from) / 1000).toFixed(1)} s (stop signal to host 2 ready); ${gap.calls} calls overlapped it, ${gap.failed} of them failed`,
  '  host memory (MB)         RSS   RSS after GC   heap used after GC',
  ...[...hostRss].map(
    ([label, r]) =>
      `    ${label.padEnd(22)} ${r.rss.toFixed(1).padStart(6)} ${r.afterGc.rss.toFixed(1).padStart(14)} ${r.afterGc.heapUsed.toFixed(1).padStart(20)}`,
  ),
  `  RSS growth       ${growth(1, 'rss')}, ${growth(2, 'rss')} (target ≤ 20 MB)`,
  `    after GC       ${growth(1, 'gc')}, ${growth(2, 'gc')}`,
  `  heap after GC    ${growth(1, 'heap')}, ${growth(2, 'heap')}`,
];
process.stdout.write(`${lines.join('\n')}\n`);

for (const bridge of bridges) await bridge.close();
await host.stop();
await sandbox.close();
const service = `TuneBridge (${home})`;
for (const { account } of await findCredentials(service)) await deletePassword(service, account);
await rm(home, { recursive: true, force: true });
if (process.env.TB_SOAK_SNAPSHOTS === '1' || process.env.TB_SOAK_KEEP === '1') {
  process.stdout.write(`host readings (and heap snapshots) kept in ${probeDir}\n`);
} else await rm(probeDir, { recursive: true, force: true });
