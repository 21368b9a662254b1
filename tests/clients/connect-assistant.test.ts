import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { McpServerEntry } from '../../protocol/broker.js';
import { configPath } from '../../electron/host/clients/client-paths.js';
import {
  checkAssistant,
  connectAssistant,
  disconnectAssistant,
  type AssistantKeys,
} from '../../electron/host/clients/connect-assistant.js';
import { JsoncDocument } from '../../electron/host/clients/jsonc-edit.js';
import { watchConfigFile } from '../../electron/host/clients/drift-watch.js';
import type { IssuedAssistant } from '../../electron/host/host-controller.js';
import { fixtureHome } from './fixture-home.js';

/** The host's side, in memory: which keys are live. */
function fakeKeys() {
  const active = new Map<string, string>();
  const revoked: string[] = [];
  let n = 0;
  const entryFor = (assistantKey: string): McpServerEntry => ({
    command: '/usr/bin/node',
    args: ['/opt/tb/cli.js', 'bridge'],
    env: { TUNEBRIDGE_CLIENT_KEY: assistantKey, TUNEBRIDGE_HOME: '/data' },
  });
  const keys: AssistantKeys = {
    async issue(name) {
      n++;
      const assistantKey = `tbk_${n}`;
      active.set(assistantKey, `client-${n}`);
      return {
        assistant: { assistantId: `client-${n}`, name, createdAt: '', revoked: false, policy: {} },
        assistantKey,
        entry: entryFor(assistantKey),
      } as unknown as IssuedAssistant;
    },
    async revoke(assistantId) {
      revoked.push(assistantId);
      for (const [key, id] of active) if (id === assistantId) active.delete(key);
    },
    async rekey(assistantId) {
      n++;
      const assistantKey = `tbk_${n}`;
      const before = [...active].find(([, id]) => id === assistantId);
      for (const [key, id] of active) if (id === assistantId) active.delete(key);
      active.set(assistantKey, assistantId);
      return {
        assistant: { assistantId, name: 'kept', createdAt: '', revoked: false, policy: {} },
        assistantKey,
        entry: entryFor(assistantKey),
        restore() {
          active.delete(assistantKey);
          if (before) active.set(before[0], assistantId);
        },
      } as unknown as IssuedAssistant & { restore(): void };
    },
    assistantFor: () => undefined,
    assistantIdForKey: (key) => active.get(key),
    entryFor,
  };
  return { keys, active, revoked };
}

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});
async function home() {
  const fixture = await fixtureHome();
  roots.push(fixture.root);
  return fixture;
}

describe('connectAssistant', () => {
  it('is idempotent: one entry, a rotated key for the same assistant; disconnect revokes it', async () => {
    const { at } = await home();
    const { keys, active, revoked } = fakeKeys();
    const first = await connectAssistant('claude-desktop', keys, at);
    expect(first.replacedAssistantId).toBeUndefined();
    expect(first.keptPermissions).toBe(false);
    const second = await connectAssistant('claude-desktop', keys, at);
    // Connecting again keeps the assistant: a new key, nothing revoked, the old key dead.
    expect(second.keptPermissions).toBe(true);
    expect(second.issued.assistant.assistantId).toBe('client-1');
    expect(revoked).toEqual([]);
    expect(active.has('tbk_1')).toBe(false);
    const file = JSON.parse(await readFile(second.configPath, 'utf8'));
    expect(Object.keys(file.mcpServers)).toEqual(['tunebridge']);
    expect(file.mcpServers.tunebridge.env.TUNEBRIDGE_CLIENT_KEY).toBe('tbk_2');
    expect(second.restartHint).toMatch(/Quit Claude Desktop/);

    const gone = await disconnectAssistant('claude-desktop', keys, at);
    expect(gone).toMatchObject({ removed: true, revokedAssistantId: 'client-1' });
    expect(active.size).toBe(0);
    expect(JSON.parse(await readFile(second.configPath, 'utf8'))).toEqual({ mcpServers: {} });
  });

  it('issues no key for a malformed file and hands back the snippet to paste', async () => {
    const { at } = await home();
    // Claude Desktop reads its file with JSON.parse: a comment would break it.
    const path = configPath('claude-desktop', at);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, '{ // my servers\n  "mcpServers": {}\n}\n');
    const { keys, active } = fakeKeys();
    const error = (await connectAssistant('claude-desktop', keys, at).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(error).toMatchObject({ code: 'config_malformed' });
    expect(error.message).toContain(`${path} is not valid JSON at line 1, column 3`);
    expect(error.message).toContain('"mcpServers": {\n    "tunebridge": {\n      "command"');
    expect(error.message).toContain('tunebridge connect print');
    expect(error.message).not.toMatch(/tbk_/);
    expect(active.size).toBe(0);
  });

  it('revokes the new key when the write fails', async () => {
    const { at } = await home();
    const path = configPath('cursor', at);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, '{}');
    const { keys, active, revoked } = fakeKeys();
    await expect(
      connectAssistant('cursor', keys, at, {
        beforeRename: () => {
          throw Object.assign(new Error('denied'), { code: 'EACCES' });
        },
      }),
    ).rejects.toMatchObject({ code: 'config_unwritable' });
    expect(revoked).toEqual(['client-1']);
    expect(active.size).toBe(0);
    expect(await readFile(path, 'utf8')).toBe('{}');
  });

  it.runIf(process.platform !== 'win32')(
    'refuses a read-only file before issuing a key',
    async () => {
      const { at } = await home();
      const path = configPath('windsurf', at);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, '{}');
      await chmod(path, 0o400);
      const { keys, active } = fakeKeys();
      await expect(connectAssistant('windsurf', keys, at)).rejects.toMatchObject({
        code: 'config_read_only',
      });
      expect(active.size).toBe(0);
    },
  );
});

describe('drift check', () => {
  it('notices Claude Desktop dropping mcpServers, and connect repairs it', async () => {
    const { at } = await home();
    const { keys } = fakeKeys();
    const { configPath: path } = await connectAssistant('claude-desktop', keys, at);
    expect(await checkAssistant('claude-desktop', keys, at)).toMatchObject({ status: 'ok' });

    const results: string[] = [];
    const watch = watchConfigFile({
      path,
      check: () => checkAssistant('claude-desktop', keys, at),
      onResult: (health) => results.push(health.status),
      debounceMs: 20,
    });
    await watch.check();
    // Claude Desktop rewrites its file with its own preferences and without our servers.
    await writeFile(path, JSON.stringify({ globalShortcut: 'Alt+Space' }));
    await expect.poll(() => results.at(-1), { timeout: 5000 }).toBe('missing');

    await connectAssistant('claude-desktop', keys, at);
    await expect.poll(() => results.at(-1), { timeout: 5000 }).toBe('ok');
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ globalShortcut: 'Alt+Space' });
    watch.close();

    await writeFile(path, '{"mcpServers": {"tunebridge": {"command": "/elsewhere/node"}}}');
    expect(await checkAssistant('claude-desktop', keys, at)).toMatchObject({ status: 'revoked' });
    await writeFile(path, '{"mcpServers": ');
    expect(await checkAssistant('claude-desktop', keys, at)).toMatchObject({ status: 'broken' });
  });
});

describe('formatting', () => {
  it('keeps tabs, CRLF line ends and a byte-order mark', () => {
    const original = '\uFEFF{\r\n\t"a": 1\r\n}';
    const doc = new JsoncDocument(original, 'x.json', 'json');
    expect(doc.set('mcpServers', 'tb', { c: 1 }).text).toBe(
      '\uFEFF{\r\n\t"a": 1,\r\n\t"mcpServers": {\r\n\t\t"tb": {\r\n\t\t\t"c": 1\r\n\t\t}\r\n\t}\r\n}',
    );
  });
});
