import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PassphraseFileSecretStore,
  type PassphraseFileSecretStoreOptions,
} from '../../electron/host/vault/passphrase-file-store.js';
import { VaultError } from '../../electron/host/vault/secret-store.js';

const posix = process.platform !== 'win32';
const passphrase = 'correct horse battery staple';
let root: string;
let file: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tb-passfile-'));
  file = join(root, 'home', 'secrets.enc');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

// One scrypt derivation at the production cost takes about half a second; the first test keeps
// that cost, the rest use a cheaper one so the file runs in well under a second.
const kdfCost = { N: 2 ** 12, p: 1 };
const cheapStore = (options: PassphraseFileSecretStoreOptions) =>
  new PassphraseFileSecretStore({ kdfCost, ...options });

const secret = () => randomBytes(32).toString('base64url');

async function rejection(promise: Promise<unknown>): Promise<VaultError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VaultError) return error;
    throw error;
  }
  throw new Error('expected a VaultError');
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

describe('PassphraseFileSecretStore', () => {
  it('round-trips secrets through an encrypted, private file', async () => {
    const value = secret();
    const store = new PassphraseFileSecretStore({ file, passphrase });
    expect(await store.get('a')).toBeUndefined();
    await store.set('a', value);
    expect((await store.get('a')) === value).toBe(true);

    const reopened = new PassphraseFileSecretStore({ file, passphrase });
    expect((await reopened.get('a')) === value).toBe(true);

    const text = await readFile(file, 'utf8');
    expect(text.includes(value)).toBe(false);
    const json = await readJson(file);
    expect(Object.keys(json).sort()).toEqual(
      ['N', 'check', 'ciphertext', 'kdf', 'nonce', 'p', 'r', 'salt', 'tag', 'v'].sort(),
    );
    expect(json).toMatchObject({ v: 1, kdf: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    // The production cost refuses a file written at a test's cheaper cost.
    const weakFile = join(root, 'home', 'weak.enc');
    await cheapStore({ file: weakFile, passphrase }).set('a', value);
    const weak = await rejection(
      new PassphraseFileSecretStore({ file: weakFile, passphrase }).get('a'),
    );
    expect(weak.code).toBe('store_corrupt');
    if (posix) {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(join(root, 'home'))).mode & 0o777).toBe(0o700);
    }
  });

  it('uses a new salt and nonce on every write', async () => {
    const store = cheapStore({ file, passphrase });
    await store.set('a', secret());
    const first = await readJson(file);
    await store.set('b', secret());
    const second = await readJson(file);
    expect(second.salt).not.toBe(first.salt);
    expect(second.nonce).not.toBe(first.nonce);
  });

  it('deletes entries and reports whether one was there', async () => {
    const store = cheapStore({ file, passphrase });
    await store.set('a', secret());
    await store.set('b', secret());
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    const reopened = cheapStore({ file, passphrase });
    expect(await reopened.get('a')).toBeUndefined();
    expect(await reopened.get('b')).toBeDefined();
  });

  it('loses no update when writes overlap', async () => {
    const store = cheapStore({ file, passphrase });
    const values = ['k1', 'k2', 'k3'].map((key) => [key, secret()] as const);
    await Promise.all(values.map(([key, value]) => store.set(key, value)));
    const reopened = cheapStore({ file, passphrase });
    for (const [key, value] of values) expect((await reopened.get(key)) === value).toBe(true);
  });

  it('refuses a wrong passphrase without touching the file', async () => {
    await cheapStore({ file, passphrase }).set('a', secret());
    const before = await readFile(file, 'utf8');
    const wrong = cheapStore({ file, passphrase: 'not the passphrase' });

    const error = await rejection(wrong.get('a'));
    expect(error.code).toBe('passphrase_wrong');
    expect(error.message.includes('not the passphrase')).toBe(false);
    expect((await rejection(wrong.set('b', secret()))).code).toBe('passphrase_wrong');
    expect((await rejection(wrong.unlock())).code).toBe('passphrase_wrong');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('reports a tampered file as corrupt and never overwrites it', async () => {
    await cheapStore({ file, passphrase }).set('a', secret());
    const json = await readJson(file);
    const ciphertext = Buffer.from(String(json.ciphertext), 'base64');
    ciphertext[0] = (ciphertext[0] ?? 0) ^ 1;
    const tampered = JSON.stringify({ ...json, ciphertext: ciphertext.toString('base64') });
    await writeFile(file, tampered);

    const store = cheapStore({ file, passphrase });
    const error = await rejection(store.get('a'));
    expect(error.code).toBe('store_corrupt');
    expect(error.message).toContain('untouched');
    expect((await rejection(store.set('a', secret()))).code).toBe('store_corrupt');
    expect((await rejection(store.delete('a'))).code).toBe('store_corrupt');
    expect(await readFile(file, 'utf8')).toBe(tampered);
  });

  it('reports a truncated or garbled file as corrupt', async () => {
    await cheapStore({ file, passphrase }).set('a', secret());
    const full = await readFile(file, 'utf8');
    for (const text of [full.slice(0, full.length / 2), 'garbage', '{"v":1}']) {
      await writeFile(file, text);
      const store = cheapStore({ file, passphrase });
      expect((await rejection(store.get('a'))).code).toBe('store_corrupt');
      expect(await readFile(file, 'utf8')).toBe(text);
    }
  });

  it('refuses weakened KDF parameters', async () => {
    await cheapStore({ file, passphrase }).set('a', secret());
    const json = await readJson(file);
    for (const change of [{ N: kdfCost.N / 4 }, { r: 1 }, { tag: 'AAAA' }]) {
      await writeFile(file, JSON.stringify({ ...json, ...change }));
      const error = await rejection(cheapStore({ file, passphrase }).get('a'));
      expect(error.code).toBe('store_corrupt');
    }
    // A still-strong but different N derives another key: the file does not open either way.
    await writeFile(file, JSON.stringify({ ...json, N: kdfCost.N * 2 }));
    const error = await rejection(cheapStore({ file, passphrase }).get('a'));
    expect(['passphrase_wrong', 'store_corrupt']).toContain(error.code);
  });

  it('serves reads from memory after the first successful one', async () => {
    const value = secret();
    const store = cheapStore({ file, passphrase });
    await store.set('a', value);
    await writeFile(file, 'replaced behind its back');
    expect((await store.get('a')) === value).toBe(true);
  });

  it.runIf(posix)('tightens a restored file that others could read', async () => {
    await cheapStore({ file, passphrase }).set('a', secret());
    await chmod(file, 0o644);
    await cheapStore({ file, passphrase }).unlock();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('needs a passphrase', () => {
    expect(() => cheapStore({ file, passphrase: '' })).toThrow(
      expect.objectContaining({ code: 'passphrase_required' }),
    );
  });
});
