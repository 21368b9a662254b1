import { chmod, lstat, mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { afterEach, describe, expect, it } from 'vitest';
import type { McpClientId, McpServerEntry } from '../../protocol/broker.js';
import { ClientConfigError } from '../../electron/host/clients/client-config-error.js';
import { removeClientEntry, writeClientEntry } from '../../electron/host/clients/client-config.js';
import { configPath } from '../../electron/host/clients/client-paths.js';
import { MCP_CLIENTS } from '../../electron/host/clients/mcp-clients.js';
import { JSON_CLIENTS, LAYOUTS, fixtureHome } from './fixture-home.js';

const posix = process.platform !== 'win32';
const ENTRY: McpServerEntry = {
  command: '/usr/local/bin/node',
  args: ['/opt/tunebridge/dist/cli.js', 'bridge'],
  env: { TUNEBRIDGE_CLIENT_KEY: 'tbk_test', TUNEBRIDGE_HOME: '/home/me/.tunebridge' },
};
const JSONC_CLIENTS = new Set<McpClientId>(['cursor', 'vscode', 'gemini-cli', 'zed']);

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

async function setup(client: McpClientId, layoutIndex = 3) {
  const fixture = await fixtureHome(LAYOUTS[layoutIndex]);
  roots.push(fixture.root);
  const path = configPath(client, fixture.at);
  await mkdir(dirname(path), { recursive: true });
  return { ...fixture, path };
}

/** Whether `after` is `before` with one piece of text inserted (and nothing else changed). */
function onlyInserted(before: string, after: string): string | undefined {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  if (start + end !== before.length) return undefined;
  return after.slice(start, after.length - end);
}

/** What JSON.parse cannot keep: huge and odd number spellings, duplicate keys, BOM, CRLF, 3 spaces. */
function strictMessy(key: string): string {
  return [
    '\uFEFF{',
    '   "big": 12345678901234567890,',
    '   "float": 1.0,',
    '   "huge": 1e400,',
    '   "dup": 1,',
    '   "dup": 2,',
    '   "esc": "\\u00e9\\/",',
    `   "${key}": {`,
    '      "other": {"command": "x", "args": [ ]}',
    '   }',
    '}',
    '',
  ].join('\r\n');
}

/** The same, with what JSONC clients accept on top: comments and trailing commas. */
function jsoncMessy(key: string): string {
  return [
    '\uFEFF// my settings',
    '{',
    '   /* numbers */ "big": 12345678901234567890,',
    '   "float": 1.0, "huge": 1e400,',
    '   "dup": 1, "dup": 2,',
    `   "${key}": {`,
    '      "other": {"command": "x",}, // keep me',
    '   },',
    '}',
    '',
  ].join('\r\n');
}

describe('JSON and JSONC configs: every byte outside our entry stays', () => {
  for (const [client, key] of Object.entries(JSON_CLIENTS) as [McpClientId, string][]) {
    const messy = JSONC_CLIENTS.has(client) ? jsoncMessy(key) : strictMessy(key);

    it(`${client}: connect inserts our entry and nothing else; disconnect restores the file`, async () => {
      const { at, path } = await setup(client);
      await writeFile(path, messy);
      await writeClientEntry(client, ENTRY, at);
      const after = await readFile(path, 'utf8');
      const inserted = onlyInserted(messy, after);
      expect(inserted).toBeDefined();
      expect(inserted).toContain('"tunebridge": {');
      expect(inserted).toContain('\r\n'); // their line ends
      expect(inserted).not.toMatch(/[^\r]\n/);

      // Reconnecting replaces only our entry's value.
      await writeClientEntry(client, { ...ENTRY, env: { TUNEBRIDGE_CLIENT_KEY: 'tbk_2' } }, at);
      const again = await readFile(path, 'utf8');
      expect(
        again.replace(
          'tbk_2"',
          'tbk_test",\r\n            "TUNEBRIDGE_HOME": "/home/me/.tunebridge"',
        ),
      ).toBe(after);

      expect((await removeClientEntry(client, at)).removed).toBe(true);
      expect(await readFile(path, 'utf8')).toBe(messy);
    });
  }

  it.each(['cursor', 'vscode', 'gemini-cli', 'zed'] as McpClientId[])(
    '%s accepts comments and trailing commas',
    async (client) => {
      const { at, path } = await setup(client);
      await writeFile(path, '// hi\n{ "theme": "dark", }\n');
      await writeClientEntry(client, ENTRY, at);
      const after = await readFile(path, 'utf8');
      expect(after.startsWith('// hi\n{ "theme": "dark"')).toBe(true);
    },
  );

  it.each(['claude-desktop', 'claude-code', 'windsurf', 'lm-studio'] as McpClientId[])(
    '%s refuses comments and trailing commas, which it could not read, and says where',
    async (client) => {
      const { at, path } = await setup(client);
      for (const [text, line, column] of [
        ['{\n  "a": 1,\n}\n', 3, 1],
        ['{\n  // hi\n  "a": 1\n}\n', 2, 3],
      ] as const) {
        await writeFile(path, text);
        const error = await writeClientEntry(client, ENTRY, at).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ClientConfigError);
        expect(error).toMatchObject({ code: 'config_malformed', details: { line, column } });
        expect(await readFile(path, 'utf8')).toBe(text);
      }
    },
  );

  it('refuses a servers object that appears twice', async () => {
    const { at, path } = await setup('cursor');
    const text = '{"mcpServers": {}, "mcpServers": {"a": {}}}';
    await writeFile(path, text);
    await expect(writeClientEntry('cursor', ENTRY, at)).rejects.toMatchObject({
      code: 'config_shape',
    });
    expect(await readFile(path, 'utf8')).toBe(text);
  });
});

const CODEX_BEFORE = [
  '# Codex settings',
  'model = "o3"   # fast',
  'big = 12345678901234567890.0',
  'when = 1979-05-27T07:32:00Z',
  '',
  '[mcp_servers.other]',
  "command = 'npx'",
  'args = ["-y",   "thing"]',
  'notes = """',
  '[mcp_servers.tunebridge]',
  '"""',
  '',
  '# profiles below',
  '[profiles.fast]',
  'model = "o4-mini"',
  '',
].join('\r\n');

describe('Codex CLI (TOML)', () => {
  for (const [layoutIndex, layout] of LAYOUTS.entries()) {
    it(`on ${layout.label}: merges, replaces in place, backs up, stays private, removes exactly ours`, async () => {
      const { at, path } = await setup('codex-cli', layoutIndex);
      await writeFile(path, CODEX_BEFORE);
      if (posix) await chmod(path, 0o644);
      const written = await writeClientEntry('codex-cli', ENTRY, at);
      const after = await readFile(path, 'utf8');
      const inserted = onlyInserted(CODEX_BEFORE, after);
      expect(inserted).toBe(
        [
          '',
          '[mcp_servers.tunebridge]',
          'command = "/usr/local/bin/node"',
          'args = ["/opt/tunebridge/dist/cli.js", "bridge"]',
          'env = { TUNEBRIDGE_CLIENT_KEY = "tbk_test", TUNEBRIDGE_HOME = "/home/me/.tunebridge" }',
          '',
        ].join('\r\n'),
      );
      const doc = parseToml(after) as { mcp_servers: Record<string, unknown> };
      expect(doc.mcp_servers.tunebridge).toEqual(MCP_CLIENTS['codex-cli'].shape(ENTRY));
      expect(await readFile(written.backupPath!, 'utf8')).toBe(CODEX_BEFORE);
      if (posix) expect((await stat(path)).mode & 0o777).toBe(0o600);

      const again = await writeClientEntry('codex-cli', { ...ENTRY, command: '/bin/node' }, at);
      expect(again.previous?.env.TUNEBRIDGE_CLIENT_KEY).toBe('tbk_test');
      expect(await readFile(path, 'utf8')).toBe(after.replace('/usr/local/bin/node', '/bin/node'));

      expect((await removeClientEntry('codex-cli', at)).removed).toBe(true);
      expect(await readFile(path, 'utf8')).toBe(CODEX_BEFORE);
    });
  }

  it('replaces our table where it stands, with its sub-tables, and keeps the comment of the next one', async () => {
    const { at, path } = await setup('codex-cli');
    const before =
      '[mcp_servers.tunebridge]\ncommand = "old"\n\n[mcp_servers.tunebridge.env]\nA = "b"\n\n# next\n[x]\ny = 1\n';
    await writeFile(path, before);
    await writeClientEntry('codex-cli', ENTRY, at);
    const after = await readFile(path, 'utf8');
    expect(after.endsWith('\n# next\n[x]\ny = 1\n')).toBe(true);
    expect(after.startsWith('[mcp_servers.tunebridge]\ncommand = "/usr/local/bin/node"\n')).toBe(
      true,
    );
  });

  it('refuses a malformed file with its line and column, and an entry it cannot cut out', async () => {
    const { at, path } = await setup('codex-cli');
    await writeFile(path, 'model = "o3"\n[mcp_servers.x\ncommand = 1\n');
    const error = await writeClientEntry('codex-cli', ENTRY, at).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'config_malformed', details: { path, line: 2 } });
    expect((error as Error).message).toMatch(/not valid TOML at line 2, column \d+/);

    const dotted = 'mcp_servers.tunebridge.command = "x"\n';
    await writeFile(path, dotted);
    await expect(writeClientEntry('codex-cli', ENTRY, at)).rejects.toMatchObject({
      code: 'config_shape',
    });
    await expect(removeClientEntry('codex-cli', at)).rejects.toMatchObject({
      code: 'config_shape',
    });
    expect(await readFile(path, 'utf8')).toBe(dotted);
  });
});

describe.runIf(posix)('symlinked configs', () => {
  it('follows a link to the person’s own file inside their home and says which file it wrote', async () => {
    const { at, root, path } = await setup('cursor');
    const real = join(root, 'dotfiles', 'cursor-mcp.json');
    await mkdir(dirname(real), { recursive: true });
    await writeFile(real, '{"mcpServers": {}}\n');
    await chmod(real, 0o640);
    await symlink(real, path);
    const written = await writeClientEntry('cursor', ENTRY, at);
    expect(written).toMatchObject({ path: real, linkedFrom: path });
    expect((await lstat(path)).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await readFile(real, 'utf8'))).toHaveProperty('mcpServers.tunebridge');
    expect((await stat(real)).mode & 0o777).toBe(0o600);
    expect(await removeClientEntry('cursor', at)).toMatchObject({ path: real, linkedFrom: path });
  });

  it.each([
    ['outside the home folder', 'outside', /outside your home folder/],
    ['to nothing', 'dangling', /does not exist/],
    ['to a folder', 'folder', /not a file/],
  ])('refuses a link %s and changes nothing', async (_label, kind, message) => {
    const { at, root, path } = await setup('vscode');
    const elsewhere = await fixtureHome();
    roots.push(elsewhere.root);
    const target = {
      outside: join(elsewhere.root, 'settings.json'),
      dangling: join(root, 'missing.json'),
      folder: join(root, 'a-folder'),
    }[kind]!;
    if (kind === 'outside') await writeFile(target, '{"keep": 1}');
    if (kind === 'folder') await mkdir(target);
    await symlink(target, path);
    const error = await writeClientEntry('vscode', ENTRY, at).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientConfigError);
    expect(error).toMatchObject({ code: 'config_link', details: { path } });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/only to a file you own inside your home folder/);
    if (kind === 'outside') expect(await readFile(target, 'utf8')).toBe('{"keep": 1}');
    expect((await lstat(path)).isSymbolicLink()).toBe(true);
  });

  it('creates missing folders private to the person', async () => {
    const fixture = await fixtureHome();
    roots.push(fixture.root);
    await writeClientEntry('lm-studio', ENTRY, fixture.at);
    const folder = dirname(configPath('lm-studio', fixture.at));
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
  });
});
