import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretStore } from '../../electron/host/vault/secret-store.js';
import {
  readDesktopPrefs,
  writeDesktopPrefs,
  DEFAULT_DESKTOP_PREFS,
} from '../../electron/shell/desktop-prefs.js';
import { SafeStorageSecretStore } from '../../electron/shell/safe-storage-store.js';
import {
  BASIC_TEXT_WARNING,
  assessSafeStorage,
  chooseDesktopSecretStore,
  type SafeStorageProbe,
} from '../../electron/shell/secret-store-policy.js';

/**
 * A stand-in for Electron's `safeStorage`, with the same method shapes: AES-256-GCM under a key
 * held in memory, as the OS would hold it. The real one needs the Electron binary, which cannot
 * be downloaded here; everything else in these tests (files, modes, atomic writes, refusals) is
 * real.
 */
class FakeSafeStorage implements SafeStorageProbe {
  available = true;
  backend = 'gnome_libsecret';
  plainText = false;
  readonly #key = randomBytes(32);

  isAsyncEncryptionAvailable() {
    return Promise.resolve(this.available && (this.backend !== 'basic_text' || this.plainText));
  }
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!(await this.isAsyncEncryptionAvailable())) throw new Error('Encryption is not available.');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
  }
  async decryptStringAsync(encrypted: Buffer) {
    await Promise.resolve();
    const iv = encrypted.subarray(3, 15);
    const decipher = createDecipheriv('aes-256-gcm', this.#key, iv);
    decipher.setAuthTag(encrypted.subarray(15, 31));
    const result = Buffer.concat([
      decipher.update(encrypted.subarray(31)),
      decipher.final(),
    ]).toString('utf8');
    return { result, shouldReEncrypt: false };
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
  setUsePlainTextEncryption(usePlainText: boolean) {
    this.plainText = usePlainText;
  }
}

let dir: string;
let file: string;
let safeStorage: FakeSafeStorage;
const open = (storage: FakeSafeStorage = safeStorage) =>
  new SafeStorageSecretStore({ file, safeStorage: storage, description: 'test' });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tb-safe-'));
  file = join(dir, 'data', 'secrets.safestorage');
  safeStorage = new FakeSafeStorage();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SafeStorageSecretStore', () => {
  it('keeps secrets encrypted in a 0600 file inside a 0700 folder', async () => {
    const store = open();
    await store.set('provider-tokens:spotify', 'refresh-token-value');
    expect(await store.get('provider-tokens:spotify')).toBe('refresh-token-value');

    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('refresh-token-value');
    // Key names are inside the ciphertext too.
    expect(text).not.toContain('provider-tokens');
    expect(JSON.parse(text)).toMatchObject({ format: 'tunebridge-safestorage', version: 1 });
    if (process.platform !== 'win32') {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(join(dir, 'data'))).mode & 0o777).toBe(0o700);
    }
    // A fresh store (a restart) reads what the first one wrote.
    expect(await open().get('provider-tokens:spotify')).toBe('refresh-token-value');
  });

  it('deletes, and reports whether there was something to delete', async () => {
    const store = open();
    await store.set('a', '1');
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect(await open().get('a')).toBeUndefined();
  });

  it('writes atomically: no temp files left, and concurrent writes all land', async () => {
    const store = open();
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`k${i}`, `v${i}`)));
    const reread = open();
    for (let i = 0; i < 20; i++) expect(await reread.get(`k${i}`)).toBe(`v${i}`);
    expect(await readdir(join(dir, 'data'))).toEqual(['secrets.safestorage']);
  });

  it('never writes over a file it cannot decrypt', async () => {
    await open().set('a', '1');
    const before = await readFile(file, 'utf8');
    // Another machine's (or user's) key: the ciphertext does not open here.
    const stranger = open(new FakeSafeStorage());
    await expect(stranger.get('a')).rejects.toMatchObject({ code: 'store_corrupt' });
    await expect(stranger.set('b', '2')).rejects.toMatchObject({ code: 'store_corrupt' });
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('reports a damaged file and leaves it alone', async () => {
    await open().set('a', '1');
    await writeFile(file, '{"format":"tunebridge-safestorage","version":1,"data":"AAAA"}');
    await expect(open().unlock()).rejects.toMatchObject({
      code: 'store_corrupt',
      message: expect.stringContaining('left it untouched'),
    });
    await writeFile(file, 'not json');
    await expect(open().unlock()).rejects.toMatchObject({ code: 'store_corrupt' });
  });

  it('refuses to work while the OS store is unavailable', async () => {
    await open().set('a', '1');
    safeStorage.available = false;
    await expect(open().get('a')).rejects.toMatchObject({ code: 'keyring_unavailable' });
  });

  it.skipIf(process.platform === 'win32')('tightens a world-readable file on read', async () => {
    await open().set('a', '1');
    await chmod(file, 0o644);
    expect(await open().get('a')).toBe('1');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});

describe('desktop secret store choice', () => {
  const standard = async (): Promise<SecretStore> => ({
    description: 'standard',
    get: async () => undefined,
    set: async () => undefined,
    delete: async () => false,
  });

  it('uses safeStorage on "auto" when the OS store is real', async () => {
    const choice = await chooseDesktopSecretStore({
      kind: 'auto',
      safeStorage,
      platform: 'linux',
      allowBasicText: false,
      file,
      standard,
    });
    expect(choice.ok && choice.store.description).toMatch(/libsecret/);
    expect(choice.ok && choice.warning).toBeUndefined();
  });

  it('refuses Linux basic_text unless the person opted in', async () => {
    safeStorage.backend = 'basic_text';
    const refused = await chooseDesktopSecretStore({
      kind: 'auto',
      safeStorage,
      platform: 'linux',
      allowBasicText: false,
      file,
      standard,
    });
    expect(refused).toMatchObject({ ok: false, reason: 'basic_text' });
    if (!refused.ok) expect(refused.message).toMatch(/basic_text.*unless you allow it/s);
    expect(safeStorage.plainText).toBe(false);

    const allowed = await chooseDesktopSecretStore({
      kind: 'auto',
      safeStorage,
      platform: 'linux',
      allowBasicText: true,
      file,
      standard,
    });
    expect(allowed).toMatchObject({ ok: true, warning: BASIC_TEXT_WARNING });
    expect(safeStorage.plainText).toBe(true);
  });

  it('keeps the keyring or passphrase store when settings ask for it', async () => {
    safeStorage.backend = 'basic_text';
    const choice = await chooseDesktopSecretStore({
      kind: 'keyring',
      safeStorage,
      platform: 'linux',
      allowBasicText: false,
      file,
      standard,
    });
    expect(choice.ok && choice.store.description).toBe('standard');
  });

  it('says so when the OS store is unavailable, and never asks before ready', async () => {
    safeStorage.available = false;
    await expect(
      assessSafeStorage({ safeStorage, platform: 'darwin', allowBasicText: false }),
    ).resolves.toMatchObject({
      usable: false,
      reason: 'unavailable',
    });
    safeStorage.backend = 'unknown';
    await expect(
      assessSafeStorage({ safeStorage, platform: 'linux', allowBasicText: true }),
    ).rejects.toThrow(/whenReady/);
  });

  it('describes macOS and Windows stores', async () => {
    await expect(
      assessSafeStorage({ safeStorage, platform: 'darwin', allowBasicText: false }),
    ).resolves.toMatchObject({
      usable: true,
      description: expect.stringMatching(/Keychain/),
    });
    await expect(
      assessSafeStorage({ safeStorage, platform: 'win32', allowBasicText: false }),
    ).resolves.toMatchObject({
      usable: true,
      description: expect.stringMatching(/DPAPI/),
    });
  });
});

describe('desktop prefs', () => {
  it('default to the cautious answer and round-trip through a 0600 file', async () => {
    const prefsFile = join(dir, 'desktop.json');
    expect(await readDesktopPrefs(prefsFile)).toEqual(DEFAULT_DESKTOP_PREFS);
    await writeDesktopPrefs(prefsFile, { version: 1, allowBasicTextSecrets: true });
    expect(await readDesktopPrefs(prefsFile)).toEqual({ version: 1, allowBasicTextSecrets: true });
    if (process.platform !== 'win32') expect((await stat(prefsFile)).mode & 0o777).toBe(0o600);
    await writeFile(prefsFile, '{"version":1,"allowBasicTextSecrets":"yes"}');
    expect((await readDesktopPrefs(prefsFile)).allowBasicTextSecrets).toBe(false);
  });
});
