import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_SCRIPT } from '../helpers/cli-process.js';

/**
 * Claude Desktop starts the bridge when it starts, whether or not TuneBridge is running. The
 * bridge must still come up, list its tools, and turn a call into advice rather than a crash.
 */
describe('the bridge when TuneBridge is not running', () => {
  let home: string;
  let client: Client;
  let transport: StdioClientTransport;
  const stderr: string[] = [];

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'tb-bridge-'));
    transport = new StdioClientTransport({
      command: process.execPath,
      // What config entries start (through the launcher): the standalone bridge.
      args: [BRIDGE_SCRIPT],
      env: { TUNEBRIDGE_HOME: home, TUNEBRIDGE_CLIENT_KEY: 'tbk_test-key-for-a-missing-host' },
      cwd: '/',
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    client = new Client({ name: 'test-client', version: '1.0.0' });
    await client.connect(transport);
  });
  afterAll(async () => {
    await client?.close();
    await rm(home, { recursive: true, force: true });
  });

  it('answers initialize and tools/list without the host', async () => {
    expect(client.getServerVersion()?.name).toBe('tunebridge');
    const { tools } = await client.listTools();
    const search = tools.find((tool) => tool.name === 'spotify_search');
    expect(search?.annotations).toMatchObject({ readOnlyHint: true });
    expect(search?.inputSchema.properties).toHaveProperty('query');
    // Results carry structuredContent; the schemas stay out of the list to keep it small.
    expect(search?.outputSchema).toBeUndefined();
  });

  it('lists only read-only tools when the host never published what this key may use', async () => {
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(0);
    expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
  });

  it('carries TuneBridge’s icon, and one per service on each tool', async () => {
    const [icon] = client.getServerVersion()?.icons ?? [];
    expect(icon?.src).toMatch(/^data:image\/png;base64,/);
    const { tools } = await client.listTools();
    for (const tool of tools) expect(tool.icons?.[0]?.src).toMatch(/^data:image\/png;base64,/);
  });

  it('turns a tool call into an isError result that says to start TuneBridge', async () => {
    const result = await client.callTool({
      name: 'spotify_search',
      arguments: { query: 'anything', type: 'track' },
    });
    expect(result.isError).toBe(true);
    const [content] = result.content as Array<{ type: string; text: string }>;
    expect(content?.text).toMatch(/TuneBridge is not running\. Start the TuneBridge app/);
    expect(content?.text).not.toContain('tbk_test-key-for-a-missing-host');
  });

  it('rejects invalid tool input with a message naming the field', async () => {
    const result = await client.callTool({
      name: 'spotify_search',
      arguments: { query: '', limit: 5000 },
    });
    expect(result.isError).toBe(true);
    const [content] = result.content as Array<{ type: string; text: string }>;
    expect(content?.text).toMatch(/query|limit/);
  });

  it('lists the same tools after the full bridge has taken over from the start-up manifest', async () => {
    const early = await client.listTools();
    // A tool call can't be answered from the manifest, so by now the SDK server answers.
    await client.callTool({ name: 'spotify_search', arguments: { query: 'x' } });
    const late = await client.listTools();
    expect(late).toEqual(early);
  });

  it('starts from one CommonJS file that loads the rest only after answering', async () => {
    // An ES module entry, or a second file on the start path, costs every client's start-up.
    const source = await readFile(BRIDGE_SCRIPT, 'utf8');
    expect(source).toMatch(/^"use strict";/);
    expect(source).not.toMatch(/require\(["']\.\.?\//);
    expect([...source.matchAll(/import\(["']([^"']+)["']\)/g)].map((match) => match[1])).toEqual([
      './bridge-runtime.js',
    ]);
  });

  it('keeps the key out of everything it writes to stderr', () => {
    expect(stderr.join('')).not.toContain('tbk_test-key-for-a-missing-host');
  });
});
