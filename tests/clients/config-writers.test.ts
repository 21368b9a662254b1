import { spawn } from 'node:child_process';
import { chmod, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { McpClientId, McpServerEntry } from '../../protocol/broker.js';
import { ClientConfigError } from '../../electron/host/clients/client-config-error.js';
import { removeClientEntry, writeClientEntry } from '../../electron/host/clients/client-config.js';
import { configPath } from '../../electron/host/clients/client-paths.js';
import { MCP_CLIENTS } from '../../electron/host/clients/mcp-clients.js';
import { bundleFixture } from '../helpers/bundle-fixture.js';
import { JSON_CLIENTS, LAYOUTS, fixtureHome } from './fixture-home.js';

const posix = process.platform !== 'win32';
const ENTRY: McpServerEntry = {
  command: '/usr/local/bin/node',
  args: ['/opt/tunebridge/dist/cli.js', 'bridge'],
  env: { TUNEBRIDGE_CLIENT_KEY: 'tbk_test', TUNEBRIDGE_HOME: '/home/me/.local/share/tunebridge' },
};

/** A config as people have them: other servers, settings we know nothing of, odd values. */
function theirs(serversKey: string) {
  return {
    numStartups: 42,
    theme: 'dark',
    projects: { '/home/me/x': { allowedTools: ['Bash'], history: [{ display: 'hi' }] } },
    [serversKey]: {
      github: {
        command: 'npx',
        args: ['-y', '@modelcontextprotocol/server-github'],
        env: { TOKEN: 'x' },
      },
      weird: { url: 'https://example.com/mcp', headers: { A: 'b' }, disabled: true },
    },
    'unicode ✓': 'é ✓ 🎵',
    nothing: null,
    nested: { deeper: { list: [1, 2.5, -3e-7, true, false, null] } },
  };
}

const roots: string[] = [];
// Bundled once, the first time a crash test needs it.
let crashWriter: string | undefined;
const crashWriterScript = () =>
  (crashWriter ??= join(
    bundleFixture('crash-config-writer', {
      writer: 'tests/clients/fixtures/crash-config-writer.ts',
    }),
    'writer.mjs',
  ));
afterEach(async () => {
  for (const root of roots.splice(0)) {
    await chmod(root, 0o700).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  }
});

async function setup(layoutIndex: number, client: McpClientId) {
  const fixture = await fixtureHome(LAYOUTS[layoutIndex]);
  roots.push(fixture.root);
  const path = configPath(client, fixture.at);
  return { ...fixture, path, spec: { ...MCP_CLIENTS[client], serversKey: JSON_CLIENTS[client]! } };
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

for (const [layoutIndex, layout] of LAYOUTS.entries()) {
  for (const client of Object.keys(JSON_CLIENTS) as McpClientId[]) {
    describe(`${client} on ${layout.label}`, () => {
      it('creates a missing file (and folder) holding only our entry, private', async () => {
        const { at, path, spec } = await setup(layoutIndex, client);
        const written = await writeClientEntry(client, ENTRY, at);
        expect(written.path).toBe(path);
        expect(written.backupPath).toBeUndefined();
        expect(await readJson(path)).toEqual({
          [spec.serversKey]: { tunebridge: spec.shape(ENTRY) },
        });
        if (posix) expect((await stat(path)).mode & 0o777).toBe(0o600);
        if (client === 'vscode') {
          expect((await readJson(path)).servers).toMatchObject({ tunebridge: { type: 'stdio' } });
        }
      });

      it('fills an empty file', async () => {
        const { at, path, spec } = await setup(layoutIndex, client);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, '');
        await writeClientEntry(client, ENTRY, at);
        expect(await readJson(path)).toEqual({
          [spec.serversKey]: { tunebridge: spec.shape(ENTRY) },
        });
      });

      it('keeps every other server and unknown key, the owner’s mode bits, and a backup of the old bytes', async () => {
        const { at, path, spec } = await setup(layoutIndex, client);
        await mkdir(dirname(path), { recursive: true });
        const before = `${JSON.stringify(theirs(spec.serversKey), null, 4)}\n`;
        await writeFile(path, before);
        if (posix) await chmod(path, 0o640);

        const written = await writeClientEntry(client, ENTRY, at);
        const after = await readFile(path, 'utf8');
        const expected = theirs(spec.serversKey);
        (expected[spec.serversKey] as Record<string, unknown>).tunebridge = spec.shape(ENTRY);
        expect(JSON.parse(after)).toEqual(expected);
        // Their formatting choices: four-space indent, final newline, key order.
        expect(after).toBe(`${JSON.stringify(expected, null, 4)}\n`);
        // The file now holds a client key: group loses its read access, the owner keeps theirs.
        if (posix) expect((await stat(path)).mode & 0o777).toBe(0o600);
        if (posix) expect((await stat(written.backupPath!)).mode & 0o777).toBe(0o600);
        expect(written.backupPath).toMatch(
          new RegExp(`${basename(path)}\\.tunebridge-backup-\\d{8}T\\d{6}\\.\\d{3}Z$`),
        );
        expect(await readFile(written.backupPath!, 'utf8')).toBe(before);

        // Connecting again replaces our entry in place, and disconnect removes exactly it.
        const again = await writeClientEntry(
          client,
          { ...ENTRY, env: { TUNEBRIDGE_CLIENT_KEY: 'tbk_2' } },
          at,
        );
        expect(again.previous?.env.TUNEBRIDGE_CLIENT_KEY).toBe('tbk_test');
        const servers = (await readJson(path))[spec.serversKey] as Record<string, unknown>;
        expect(Object.keys(servers)).toEqual(['github', 'weird', 'tunebridge']);
        const removed = await removeClientEntry(client, at);
        expect(removed).toMatchObject({
          removed: true,
          previous: { env: { TUNEBRIDGE_CLIENT_KEY: 'tbk_2' } },
        });
        expect(await readJson(path)).toEqual(theirs(spec.serversKey));
        expect((await removeClientEntry(client, at)).removed).toBe(false);
      });

      it('never overwrites a malformed file, and says where it is broken', async () => {
        const { at, path } = await setup(layoutIndex, client);
        await mkdir(dirname(path), { recursive: true });
        // Broken in every dialect: a missing comma.
        const broken = '{\n  "mcpServers": {\n    "a": { "command": "x" "args": [] }\n  }\n}\n';
        await writeFile(path, broken);
        const error = await writeClientEntry(client, ENTRY, at).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ClientConfigError);
        expect(error).toMatchObject({
          code: 'config_malformed',
          details: { path, line: 3, column: 27 },
        });
        expect((error as Error).message).toContain(path);
        expect((error as Error).message).toContain('line 3, column 27');
        expect(await readFile(path, 'utf8')).toBe(broken);
        const siblings = await readdir(dirname(path));
        expect(siblings.filter((name) => name.includes(basename(path)))).toEqual([basename(path)]);
      });

      it('refuses an unexpected shape without touching it', async () => {
        const { at, path, spec } = await setup(layoutIndex, client);
        await mkdir(dirname(path), { recursive: true });
        const odd = JSON.stringify({ [spec.serversKey]: ['not', 'an', 'object'] });
        await writeFile(path, odd);
        await expect(writeClientEntry(client, ENTRY, at)).rejects.toMatchObject({
          code: 'config_shape',
        });
        expect(await readFile(path, 'utf8')).toBe(odd);
      });

      it.runIf(posix)('gives a clear error for a read-only file and leaves it alone', async () => {
        const { at, path } = await setup(layoutIndex, client);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, '{"keep": true}');
        await chmod(path, 0o444);
        const error = await writeClientEntry(client, ENTRY, at).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'config_read_only' });
        expect((error as Error).message).toMatch(/read-only.*chmod u\+w/);
        expect((error as Error).message).toContain(path);
        expect(await readFile(path, 'utf8')).toBe('{"keep": true}');
      });

      it('keeps a change made between our read and our write', async () => {
        const { at, path, spec } = await setup(layoutIndex, client);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, JSON.stringify({ [spec.serversKey]: { first: { command: 'a' } } }));
        let reads = 0;
        await writeClientEntry(client, ENTRY, at, {
          afterRead: async () => {
            reads++;
            // The client saves its own settings while we are merging.
            if (reads === 1) {
              await writeFile(
                path,
                JSON.stringify({
                  window: { x: 1 },
                  [spec.serversKey]: { first: { command: 'a' }, second: { command: 'b' } },
                }),
              );
            }
          },
        });
        expect(reads).toBe(2);
        expect(await readJson(path)).toEqual({
          window: { x: 1 },
          [spec.serversKey]: {
            first: { command: 'a' },
            second: { command: 'b' },
            tunebridge: spec.shape(ENTRY),
          },
        });
      });

      it('leaves the original intact when killed between the temp write and the rename', async () => {
        const { root, env, path, spec } = await setup(layoutIndex, client);
        await mkdir(dirname(path), { recursive: true });
        const original = '{ "mcpServers": { "mine": { "command": "x" } }, "servers": {} }';
        await writeFile(path, original);
        const child = spawn(
          process.execPath,
          [await crashWriterScript(), client, layout.platform, root, JSON.stringify(env)],
          { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const tempPath = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            if (out.includes('\n')) resolve(out.trim());
          });
          child.on('exit', (code) =>
            reject(new Error(`writer exited early with ${code}: ${stderr}`)),
          );
        });
        const exited = new Promise((resolve) => child.on('exit', resolve));
        child.kill('SIGKILL');
        await exited;

        expect(await readFile(path, 'utf8')).toBe(original);
        // The abandoned temp file is complete (theirs plus ours) and never took the file's place.
        const temp = JSON.parse(await readFile(tempPath, 'utf8')) as Record<
          string,
          Record<string, unknown>
        >;
        expect(Object.keys(temp[spec.serversKey] ?? {})).toContain('tunebridge');
        expect(temp.mcpServers).toHaveProperty('mine');
      });
    });
  }
}
