import { setPassword } from '@napi-rs/keyring/keytar.js';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyringSecretStore } from '../../electron/host/vault/keyring-store.js';
import { PassphraseFileSecretStore } from '../../electron/host/vault/passphrase-file-store.js';
import type { TokenSet } from '../../electron/host/vault/token-set.js';
import { TokenVault, tokenKey } from '../../electron/host/vault/token-vault.js';
import { eraseService, uniqueService } from './keyring-helpers.js';

// Over the real keyring: run as `bash scripts/with-keyring.sh npx vitest run tests/vault`.
const service = uniqueService();
afterAll(async () => {
  await eraseService(service);
});

function tokens(): TokenSet {
  return {
    accessToken: randomBytes(40).toString('base64url'),
    refreshToken: randomBytes(40).toString('base64url'),
    tokenType: 'Bearer',
    expiresAt: Date.now() + 3_600_000,
    obtainedAt: Date.now(),
    scopes: ['user-read-private'],
  };
}

describe('TokenVault', () => {
  it('saves, loads and erases tokens per provider in the keyring', async () => {
    const vault = new TokenVault(new KeyringSecretStore({ service }));
    const spotify = tokens();
    await vault.save('spotify', spotify);
    expect(await vault.load('tidal')).toBeUndefined();
    const loaded = await vault.load('spotify');
    expect(loaded?.accessToken === spotify.accessToken).toBe(true);
    expect(loaded?.refreshToken === spotify.refreshToken).toBe(true);
    expect(loaded?.scopes).toEqual(spotify.scopes);
    expect(await vault.erase('spotify')).toBe(true);
    expect(await vault.load('spotify')).toBeUndefined();
    expect(await vault.erase('spotify')).toBe(false);
  });

  it('treats a corrupt entry as "needs login" without throwing', async () => {
    const vault = new TokenVault(new KeyringSecretStore({ service }));
    await setPassword(service, tokenKey('tidal'), '{"accessToken": "half');
    expect(await vault.load('tidal')).toBeUndefined();
    await setPassword(service, tokenKey('tidal'), JSON.stringify({ accessToken: 'x' }));
    expect(await vault.load('tidal')).toBeUndefined();
  });

  it('refuses incomplete tokens without echoing them', async () => {
    const vault = new TokenVault(new KeyringSecretStore({ service }));
    const bad = { ...tokens(), expiresAt: Number.NaN };
    const error = await vault.save('spotify', bad).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'tokens_invalid' });
    expect(String((error as Error).message).includes(bad.accessToken)).toBe(false);
    expect(await vault.load('spotify')).toBeUndefined();
  });

  it('tells the audit deny-list about every token it handles', async () => {
    const seen = new Set<string>();
    const vault = new TokenVault(new KeyringSecretStore({ service }), {
      onSecret: (value) => seen.add(value),
    });
    const set = tokens();
    await vault.save('spotify', set);
    expect(seen.has(set.accessToken) && seen.has(set.refreshToken!)).toBe(true);
    seen.clear();
    await vault.load('spotify');
    expect(seen.size).toBe(2);
    await vault.erase('spotify');
  });

  it('works the same over the passphrase file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tb-vault-'));
    try {
      const file = join(dir, 'secrets.enc');
      const set = tokens();
      // A cheap scrypt cost: the production cost is covered by passphrase-file-store.test.ts.
      const options = { file, passphrase: 'p4ss', kdfCost: { N: 2 ** 12, p: 1 } };
      await new TokenVault(new PassphraseFileSecretStore(options)).save('tidal', set);
      const vault = new TokenVault(new PassphraseFileSecretStore(options));
      expect((await vault.load('tidal'))?.accessToken === set.accessToken).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
