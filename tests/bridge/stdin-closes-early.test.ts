import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli-process.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

const lines = [
  {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'printf', version: '1' },
    },
  },
  { jsonrpc: '2.0', id: 2, method: 'tools/list' },
  {
    jsonrpc: '2.0',
    id: 3,
    method: 'tools/call',
    params: { name: 'spotify_search', arguments: { query: 'ocean', type: 'track' } },
  },
];

/**
 * `printf '<initialize>\n<tools/list>\n<tools/call>\n' | tunebridge bridge`: stdin closes right
 * after the last request. Every request already read is answered, then the bridge exits.
 */
describe('the bridge when stdin closes right after the last request', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost();
    await host.login('spotify');
  });
  afterEach(async () => {
    await host.stop();
  });

  it('answers all three requests and exits', { timeout: 60_000 }, async () => {
    const { assistantKey } = await host.issueAssistant('printf');
    const child = spawn(process.execPath, [CLI, 'bridge'], {
      env: { ...process.env, TUNEBRIDGE_HOME: host.home, TUNEBRIDGE_CLIENT_KEY: assistantKey },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stdin.end(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    const answers = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id?: number; result?: Record<string, unknown> })
      // Notifications (the tool list following the policy) carry no id.
      .filter((message) => message.id !== undefined);
    expect(answers.map((answer) => answer.id).sort()).toEqual([1, 2, 3]);
    const call = answers.find((answer) => answer.id === 3);
    expect(call?.result?.isError).toBeUndefined();
    expect(call?.result?.structuredContent).toBeDefined();
    expect(code).toBe(0);
  });
});
