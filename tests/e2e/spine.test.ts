import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/index.js';
import { McpServerEntry } from '../../protocol/broker.js';
import { AuditRecord } from '../../protocol/audit.js';
import { launchChromium } from '../helpers/browser.js';
import { loadSpecValidator } from '../helpers/openapi-validator.js';
import { allCliOutput, runCli, startCli, type CliProcess } from '../helpers/cli-process.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/**
 * The main path, as a person walks it: the host starts, `login spotify` is approved in a real
 * browser, `connect print` yields an entry, an MCP client launches exactly that entry over stdio
 * and searches, and `audit` tells the story — with no token anywhere it shouldn't be.
 */
describe('the spine, end to end', () => {
  let home: string;
  let sandbox: Sandbox;
  let host: CliProcess;
  let browser: Browser;
  let env: NodeJS.ProcessEnv;
  const transcript: string[] = [];

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'tb-e2e-'));
    sandbox = await startSandbox();
    env = {
      ...process.env,
      TUNEBRIDGE_HOME: home,
      TUNEBRIDGE_SECRET_STORE: 'keyring',
      TUNEBRIDGE_SPOTIFY_CLIENT_ID: sandbox.spotify.clientId,
      TUNEBRIDGE_SPOTIFY_AUTHORIZE_URL: sandbox.spotify.authorizeUrl,
      TUNEBRIDGE_SPOTIFY_TOKEN_URL: sandbox.spotify.tokenUrl,
      TUNEBRIDGE_SPOTIFY_API_URL: sandbox.spotify.baseUrl,
    };
    host = startCli(['serve', '--no-sandbox'], env);
    await host.waitForOutput(/TuneBridge is running/);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await sandbox?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('logs in through the consent page and reports who connected', async () => {
    const login = startCli(['login', 'spotify', '--no-open'], env);
    const [url] = await login.waitForOutput(/http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+/);
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(/127\.0\.0\.1:\d+\/callback/);
    const resultPage = await page.content();
    await page.close();

    expect(await login.exit).toBe(0);
    expect(login.stdout()).toContain('Spotify connected as Sandbox Listener');
    expect(resultPage).toMatch(/connected/i);
    expect(resultPage).not.toMatch(/code=/);
    transcript.push(resultPage);
  });

  it('prints an MCP entry whose bridge lists tools and answers spotify_search', async () => {
    const printed = await runCli(['connect', 'print', '--name', 'E2E assistant'], env);
    expect(printed.code).toBe(0);
    const entry = McpServerEntry.parse(JSON.parse(printed.stdout).mcpServers.tunebridge);
    // The launcher in the data folder, which every host start points at this install.
    expect(entry.command).toBe(join(home, 'bin', 'tunebridge-bridge'));

    const transport = new StdioClientTransport({
      command: entry.command,
      args: entry.args,
      env: entry.env,
      cwd: '/',
      stderr: 'pipe',
    });
    let bridgeStderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (bridgeStderr += chunk.toString()));
    const client = new Client({ name: 'e2e-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      const search = tools.find((tool) => tool.name === 'spotify_search');
      expect(search?.annotations?.readOnlyHint).toBe(true);

      const result = await client.callTool({
        name: 'spotify_search',
        arguments: {
          query: sandbox.spotify.sampleQuery,
          type: ['track', 'album', 'artist', 'playlist'],
          limit: 3,
        },
      });
      expect(result.isError).toBeFalsy();
      const structured = result.structuredContent as {
        tracks: Array<{ uri: string; name: string }>;
      };
      expect(structured.tracks.length).toBeGreaterThan(0);
      expect(structured.tracks[0]?.uri).toMatch(/^spotify:track:/);
      const text = (result.content as Array<{ text: string }>)[0]?.text ?? '';
      expect(text).toMatch(/^1\. .+ — .+ · .+ · \d+:\d\d · spotify:track:/m);
      transcript.push(text, JSON.stringify(result));
    } finally {
      await client.close();
    }
    transcript.push(bridgeStderr);
  });

  it('audits login, key issue, capability, API call and tool call without a token', async () => {
    // The bridge writes its tool line without waiting; give it a moment to land.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const json = await runCli(['audit', '--json', '--limit', '100'], env);
    expect(json.code).toBe(0);
    const records = json.stdout
      .trim()
      .split('\n')
      .map((line) => AuditRecord.parse(JSON.parse(line)));
    const kinds = new Set(records.map((record) => record.kind));
    for (const kind of [
      'login',
      'assistant.issued',
      'capability.issued',
      'api.call',
      'tool.call',
    ] as const) {
      expect(kinds, kind).toContain(kind);
    }
    const apiCall = records.find((record) => record.kind === 'api.call');
    expect(apiCall).toMatchObject({
      provider: 'spotify',
      outcome: 'ok',
      assistantName: 'E2E assistant',
      path: '/v1/search',
    });
    const table = await runCli(['audit'], env);
    expect(table.stdout).toMatch(/capability\.issued/);
    const verified = await runCli(['audit', 'verify'], env);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^Audit log intact: \d+ records/);
    transcript.push(json.stdout, table.stdout);
  });

  it('sent Spotify only requests its OpenAPI spec documents', () => {
    const spec = loadSpecValidator('spotify');
    const apiRequests = sandbox.spotify.requests.filter((r) => r.path.startsWith('/v1/'));
    expect(apiRequests.map((r) => `${r.method} ${r.path}`)).toContain('GET /v1/search');
    for (const request of apiRequests) {
      expect(spec.validateRequest(request), `${request.method} ${request.path}`).toEqual([]);
    }
  });

  it('leaves no access or refresh token in the data dir, logs or output', async () => {
    const secrets = sandbox.spotify.issuedTokens();
    expect(secrets.length).toBeGreaterThan(0);
    const haystacks = [allCliOutput(), transcript.join('\n'), ...(await readTree(home))];
    const leaks = secrets.filter((secret) => haystacks.some((text) => text.includes(secret)));
    // Count only, so a failure can't print the secret it found.
    expect(leaks.length).toBe(0);
  });
});

async function readTree(dir: string): Promise<string[]> {
  const contents: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) contents.push(...(await readTree(path)));
    else if (entry.isFile()) contents.push(await readFile(path, 'latin1'));
  }
  return contents;
}
