import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeBridgeLauncher } from '../electron/host/clients/bridge-launcher.js';
import { summarize, type Summary } from './stats.js';

const BRIDGE = resolve('dist/bridge.cjs');
const RUNS = 15;

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'bench', version: '1' },
  },
};
const INITIALIZED = { jsonrpc: '2.0', method: 'notifications/initialized' };
const LIST_TOOLS = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} };

// The floor: the cheapest Node process that reads a line and answers it.
const ECHO =
  "process.stdin.once('data', (line) => { process.stdout.write(line); process.exit(0); });";

/** Milliseconds from spawn until the process has written a line matching `done`. */
function timeUntil(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  input: string,
  done: (line: string) => boolean,
): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'ignore'] });
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      for (const line of buffered.split('\n')) {
        if (line && done(line)) {
          const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
          child.kill();
          resolvePromise(elapsed);
          return;
        }
      }
    });
    child.on('error', reject);
    child.stdin.write(input);
  });
}

export interface ColdStartReport {
  bridge: Summary;
  bareNode: Summary;
  ratio: number;
}

/** Issue 2's target: spawn → `tools/list` answered within 2× a bare Node echo process. */
export async function measureBridgeColdStart(): Promise<ColdStartReport> {
  const home = await mkdtemp(join(tmpdir(), 'tb-bench-'));
  // The host is deliberately absent: listing tools must not wait for it.
  const env = { PATH: process.env.PATH, TUNEBRIDGE_HOME: home, TUNEBRIDGE_CLIENT_KEY: 'tbk_bench' };
  const bridgeInput = [INITIALIZE, INITIALIZED, LIST_TOOLS]
    .map((m) => JSON.stringify(m))
    .join('\n');
  const bridge: number[] = [];
  const bareNode: number[] = [];
  // As MCP clients start it: through the launcher in the data folder that the host writes.
  const launcher = await writeBridgeLauncher({
    home,
    nodePath: process.execPath,
    bridgeScript: BRIDGE,
  });
  try {
    for (let run = 0; run < RUNS + 2; run += 1) {
      const bridgeMs = await timeUntil(
        launcher.command,
        launcher.args,
        env,
        `${bridgeInput}\n`,
        (line) => line.includes('"id":2'),
      );
      const echoMs = await timeUntil(
        process.execPath,
        ['-e', ECHO],
        env,
        'ping\n',
        (line) => line === 'ping',
      );
      // The first runs warm the file cache; they say more about the disk than the bridge.
      if (run < 2) continue;
      bridge.push(bridgeMs);
      bareNode.push(echoMs);
    }
  } finally {
    await rm(home, { recursive: true, force: true });
  }
  const bridgeSummary = summarize(bridge);
  const bareSummary = summarize(bareNode);
  return {
    bridge: bridgeSummary,
    bareNode: bareSummary,
    ratio: bridgeSummary.p50 / bareSummary.p50,
  };
}
