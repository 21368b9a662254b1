import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import {
  getMcpConfigForManifest,
  unpackExtension,
  validateManifest,
  v0_3,
} from '@anthropic-ai/mcpb';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMcpbBundle, MCPB_ENTRY_POINT } from '../../electron/host/clients/mcpb-bundle.js';

/** The Claude Desktop extension, checked with the bundle format's own tools. */
describe('the .mcpb bundle', () => {
  let dir: string;
  let extracted: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tb-mcpb-'));
    const { bundle } = await buildMcpbBundle({ distDir: 'dist', dataDir: join(dir, 'data') });
    const file = join(dir, 'TuneBridge.mcpb');
    await writeFile(file, bundle);
    extracted = join(dir, 'installed');
    const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await unpackExtension({ mcpbPath: file, outputDir: extracted, silent: true })).toBe(
        true,
      );
    } finally {
      quiet.mockRestore();
    }
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has a manifest the mcpb validator accepts: a node server running the bundled bridge', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(validateManifest(extracted)).toBe(true);
    } finally {
      log.mockRestore();
    }
    const manifest = v0_3.McpbManifestSchema.parse(
      JSON.parse(await readFile(join(extracted, 'manifest.json'), 'utf8')),
    );
    expect(manifest.server).toMatchObject({ type: 'node', entry_point: MCPB_ENTRY_POINT });
    expect(manifest.compatibility?.runtimes?.node).toBe('>=22.12.0');
    expect(manifest.user_config?.client_key).toMatchObject({ sensitive: true, required: true });
    expect(manifest.tools?.map((tool) => tool.name)).toContain('spotify_search');
    // No secret travels in the bundle.
    expect(await readFile(join(extracted, 'manifest.json'), 'utf8')).not.toMatch(/tbk_/);
  });

  it('starts as Claude Desktop starts it and answers tools/list', async () => {
    const manifest = v0_3.McpbManifestSchema.parse(
      JSON.parse(await readFile(join(extracted, 'manifest.json'), 'utf8')),
    );
    const config = await getMcpConfigForManifest({
      manifest,
      extensionPath: extracted,
      systemDirs: { HOME: dir },
      userConfig: { client_key: 'tbk_not_a_real_key' },
      pathSeparator: sep,
    });
    expect(config).toBeDefined();
    expect(config!.command).toBe('node');
    expect(config!.env).toEqual({
      TUNEBRIDGE_CLIENT_KEY: 'tbk_not_a_real_key',
      TUNEBRIDGE_HOME: join(dir, 'data'),
    });
    // Claude Desktop runs "node" with its own built-in Node; ours stands in for it.
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: config!.args ?? [],
      env: config!.env,
      cwd: '/',
      stderr: 'pipe',
    });
    const client = new Client({ name: 'claude-desktop-stand-in', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toContain('spotify_search');
      // A key the host never saw lists the read-only tools only, each one in the bundle's list.
      const bundled = new Set(manifest.tools?.map((tool) => tool.name));
      expect(tools.every((tool) => bundled.has(tool.name))).toBe(true);
    } finally {
      await client.close();
    }
  });
});
