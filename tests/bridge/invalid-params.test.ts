import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli-process.js';

interface Answer {
  id?: number;
  error?: { code: number; message: string };
}

/** Malformed params are the client's mistake: JSON-RPC -32602 with one line, not -32603. */
describe('the bridge answering malformed params', () => {
  let home: string;
  let answers: Answer[];

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'tb-params-'));
    const requests = [
      {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'raw', version: '1' },
        },
      },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      {
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: { name: 'spotify_search', arguments: ['ocean'] },
      },
      { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { arguments: {} } },
    ];
    const child = spawn(process.execPath, [CLI, 'bridge'], {
      env: { ...process.env, TUNEBRIDGE_HOME: home, TUNEBRIDGE_CLIENT_KEY: 'tbk_unused' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stdin.end(requests.map((request) => `${JSON.stringify(request)}\n`).join(''));
    await new Promise((resolve) => child.once('exit', resolve));
    answers = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Answer);
  }, 60_000);
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('answers arguments given as an array with -32602 and one line naming the field', () => {
    const answer = answers.find((a) => a.id === 2);
    expect(answer?.error?.code).toBe(-32602);
    expect(answer?.error?.message).toMatch(/params\.arguments .*object/);
    expect(answer?.error?.message).not.toContain('\n');
  });

  it('answers a call without a tool name with -32602 and one line naming the field', () => {
    const answer = answers.find((a) => a.id === 3);
    expect(answer?.error?.code).toBe(-32602);
    expect(answer?.error?.message).toMatch(/params\.name/);
    expect(answer?.error?.message).not.toContain('\n');
  });
});
