import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseSecretStore } from '../../electron/host/vault/choose-secret-store.js';
import { KeyringSecretStore } from '../../electron/host/vault/keyring-store.js';
import { PassphraseFileSecretStore } from '../../electron/host/vault/passphrase-file-store.js';
import {
  passphraseFromEnv,
  secretStoreKindFromEnv,
} from '../../electron/host/vault/secret-store-env.js';
import { eraseService, runWithoutKeyring, uniqueService } from './keyring-helpers.js';

// Over the real keyring: run as `bash scripts/with-keyring.sh npx vitest run tests/vault`.
const service = uniqueService();
let dir: string;
let secretsFile: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tb-choose-'));
  secretsFile = join(dir, 'secrets.enc');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await eraseService(service);
});

describe('chooseSecretStore', () => {
  it('prefers the keyring when it answers, without asking for a passphrase', async () => {
    let asked = false;
    const store = await chooseSecretStore({
      secretsFile,
      service,
      passphrase: async () => {
        asked = true;
        return 'unused';
      },
    });
    expect(store).toBeInstanceOf(KeyringSecretStore);
    expect(asked).toBe(false);
    expect(existsSync(secretsFile)).toBe(false);
  });

  it('uses the passphrase file when asked to, and checks the passphrase up front', async () => {
    const store = await chooseSecretStore({
      kind: 'passphrase-file',
      secretsFile,
      service,
      passphrase: async () => 'first passphrase',
    });
    expect(store).toBeInstanceOf(PassphraseFileSecretStore);
    await store.set('k', 'v');
    await expect(
      chooseSecretStore({
        kind: 'passphrase-file',
        secretsFile,
        passphrase: async () => 'another passphrase',
      }),
    ).rejects.toMatchObject({ code: 'passphrase_wrong' });
    await expect(
      chooseSecretStore({
        kind: 'passphrase-file',
        secretsFile,
        passphrase: async () => undefined,
      }),
    ).rejects.toMatchObject({ code: 'passphrase_required' });
  });

  it.runIf(process.platform === 'linux')(
    'falls back to the passphrase file when the keyring is absent',
    async () => {
      const result = await runWithoutKeyring(service, secretsFile, {
        TUNEBRIDGE_PASSPHRASE: 'from the environment',
      });
      expect(result.probe.code).toBe('keyring_unavailable');
      expect(result.chosen).toMatchObject({
        ok: true,
        description: expect.stringContaining('Passphrase'),
      });
    },
  );

  it.runIf(process.platform === 'linux')(
    'refuses to start with neither a keyring nor a passphrase, and says how to fix it',
    async () => {
      const result = await runWithoutKeyring(service, secretsFile, {});
      expect(result.chosen.ok).toBe(false);
      expect(result.chosen.code).toBe('keyring_unavailable');
      expect(result.chosen.message).toContain('TUNEBRIDGE_SECRET_STORE=passphrase-file');
      expect(result.chosen.message).toContain('TUNEBRIDGE_PASSPHRASE');
      expect(result.chosen.message).toContain('desktop session');
      expect(existsSync(secretsFile)).toBe(false);
    },
  );
});

describe('secret store environment', () => {
  it('reads TUNEBRIDGE_SECRET_STORE and rejects unknown kinds', () => {
    expect(secretStoreKindFromEnv({})).toBeUndefined();
    expect(secretStoreKindFromEnv({ TUNEBRIDGE_SECRET_STORE: 'passphrase-file' })).toBe(
      'passphrase-file',
    );
    expect(() => secretStoreKindFromEnv({ TUNEBRIDGE_SECRET_STORE: 'plaintext' })).toThrow(
      expect.objectContaining({ code: 'store_kind_unknown' }),
    );
  });

  it('reads TUNEBRIDGE_PASSPHRASE, treating empty as absent', async () => {
    expect(await passphraseFromEnv({ TUNEBRIDGE_PASSPHRASE: 'x' })()).toBe('x');
    expect(await passphraseFromEnv({ TUNEBRIDGE_PASSPHRASE: '' })()).toBeUndefined();
  });
});
