import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ASSISTANT_POLICY } from '../../protocol/policy.js';
import type { ClientRecord } from '../../electron/host/settings/settings-schema.js';
import { defaultSettings } from '../../electron/host/settings/settings-schema.js';
import { SettingsError, SettingsStore } from '../../electron/host/settings/settings-store.js';

const posix = process.platform !== 'win32';
let root: string;
let file: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tb-settings-'));
  file = join(root, 'home', 'settings.json');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const client: ClientRecord = {
  clientId: '6f1c2f4e-4a39-4d5e-9b1a-2b1f0a7c9d10',
  name: 'Claude Desktop',
  keyHash: 'a'.repeat(64),
  createdAt: '2025-01-02T03:04:05.000Z',
  policy: DEFAULT_ASSISTANT_POLICY,
};

function caught(action: () => unknown): SettingsError {
  try {
    action();
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('SettingsStore', () => {
  it('reads defaults without creating a file', () => {
    const store = new SettingsStore(file);
    expect(store.read()).toEqual(defaultSettings());
    expect(existsSync(file)).toBe(false);
  });

  it('writes validated settings privately and reads them back', async () => {
    const store = SettingsStore.open(file);
    const saved = store.update((s) => ({
      ...s,
      clients: [...s.clients, client],
      accounts: {
        spotify: {
          status: 'connected',
          accountId: 'user-1',
          displayName: 'Ada',
          scopes: ['user-read-private'],
          connectedAt: '2025-01-02T03:04:05.000Z',
        },
      },
      providers: { tidal: { clientId: 'abc', redirectPort: 43_123 } },
      secretStore: 'passphrase-file',
    }));
    expect(saved.clients).toEqual([client]);
    expect(new SettingsStore(file).read()).toEqual(saved);
    if (posix) {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(join(root, 'home'))).mode & 0o777).toBe(0o700);
    }
  });

  it('fills in missing sections of a hand-written file', async () => {
    await new SettingsStore(file).update((s) => s);
    await writeFile(file, '{"version": 1, "secretStore": "keyring"}');
    expect(new SettingsStore(file).read()).toEqual({
      ...defaultSettings(),
      secretStore: 'keyring',
    });
  });

  it('refuses an update that fails the schema and writes nothing', async () => {
    const store = new SettingsStore(file);
    store.update((s) => ({ ...s, clients: [client] }));
    const before = await readFile(file, 'utf8');
    const error = caught(() =>
      store.update((s) => ({ ...s, clients: [{ ...client, keyHash: 'not-hex' }] })),
    );
    expect(error.code).toBe('settings_rejected');
    expect(error.message).toContain('clients.0.keyHash');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('reports malformed JSON with its position and never overwrites it', async () => {
    await new SettingsStore(file).update((s) => s);
    const broken = '{\n  "version": 1,\n  "clients": [,]\n}\n';
    await writeFile(file, broken);
    const store = new SettingsStore(file);

    const error = caught(() => store.read());
    expect(error.code).toBe('settings_malformed');
    expect(error.message).toContain(file);
    expect(error.message).toContain("unexpected ',' at line 3, column 15");
    expect(error.message).toMatch(/move it aside/);

    expect(caught(() => store.update((s) => ({ ...s, clients: [client] }))).code).toBe(
      'settings_malformed',
    );
    expect(caught(() => SettingsStore.open(file)).code).toBe('settings_malformed');
    expect(await readFile(file, 'utf8')).toBe(broken);
  });

  it('treats an empty or truncated file as malformed', async () => {
    await new SettingsStore(file).update((s) => s);
    await writeFile(file, '');
    expect(caught(() => new SettingsStore(file).read()).message).toContain(
      'unexpected end of file at line 1, column 1',
    );
    await writeFile(file, '{"version": 1, "clie');
    expect(caught(() => new SettingsStore(file).read()).code).toBe('settings_malformed');
    expect(await readFile(file, 'utf8')).toBe('{"version": 1, "clie');
  });

  it('reports a file that fails the schema and never overwrites it', async () => {
    await new SettingsStore(file).update((s) => s);
    const invalid = JSON.stringify({
      version: 1,
      clients: [{ ...client, policy: { groups: ['admin'] } }],
    });
    await writeFile(file, invalid);
    const store = new SettingsStore(file);
    const error = caught(() => store.read());
    expect(error.code).toBe('settings_malformed');
    expect(error.message).toContain(file);
    expect(error.message).toContain('clients.0.policy');
    expect(caught(() => store.update((s) => s)).code).toBe('settings_malformed');
    expect(await readFile(file, 'utf8')).toBe(invalid);
  });

  it('says so when a newer TuneBridge wrote the file', async () => {
    await new SettingsStore(file).update((s) => s);
    await writeFile(file, '{"version": 2}');
    const error = caught(() => new SettingsStore(file).read());
    expect(error.code).toBe('settings_malformed');
    expect(error.message).toContain('newer TuneBridge');
    expect(await readFile(file, 'utf8')).toBe('{"version": 2}');
  });

  it.runIf(posix)('tightens a data folder that others could read', async () => {
    await new SettingsStore(file).update((s) => s);
    await chmod(join(root, 'home'), 0o755);
    new SettingsStore(file).read();
    expect((await stat(join(root, 'home'))).mode & 0o777).toBe(0o700);
  });
});
