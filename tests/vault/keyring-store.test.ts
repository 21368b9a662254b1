import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyringSecretStore } from '../../electron/host/vault/keyring-store.js';
import { eraseService, runWithoutKeyring, uniqueService } from './keyring-helpers.js';

// Needs the real Secret Service: run as `bash scripts/with-keyring.sh npx vitest run tests/vault`.
const service = uniqueService();

afterAll(async () => {
  await eraseService(service);
});

describe('KeyringSecretStore', () => {
  it('finds a working keyring', async () => {
    expect(await KeyringSecretStore.probe(service)).toBeUndefined();
    // The probe cleans up after itself.
    expect(await eraseService(service)).toBe(0);
  });

  it('stores, returns and erases a secret', async () => {
    const store = new KeyringSecretStore({ service });
    const secret = randomBytes(48).toString('base64url');
    expect(await store.get('provider-tokens:spotify')).toBeUndefined();
    await store.set('provider-tokens:spotify', secret);
    const read = await store.get('provider-tokens:spotify');
    expect(read === secret).toBe(true);

    const replacement = randomBytes(48).toString('base64url');
    await store.set('provider-tokens:spotify', replacement);
    expect((await store.get('provider-tokens:spotify')) === replacement).toBe(true);

    expect(await store.delete('provider-tokens:spotify')).toBe(true);
    expect(await store.delete('provider-tokens:spotify')).toBe(false);
    expect(await store.get('provider-tokens:spotify')).toBeUndefined();
  });

  it('keeps entries of different services apart', async () => {
    const other = uniqueService();
    try {
      await new KeyringSecretStore({ service: other }).set('k', 'value-in-other-service');
      expect(await new KeyringSecretStore({ service }).get('k')).toBeUndefined();
    } finally {
      await eraseService(other);
    }
  });

  it('describes itself without naming a secret', () => {
    expect(new KeyringSecretStore({ service }).description).toMatch(/^OS keyring \(/);
  });
});

describe.runIf(process.platform === 'linux')('KeyringSecretStore without a keyring', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tb-nokeyring-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports keyring_unavailable with both ways out', async () => {
    const result = await runWithoutKeyring(service, join(dir, 'secrets.enc'), {});
    expect(result.probe.code).toBe('keyring_unavailable');
    expect(result.probe.message).toContain('gnome-keyring');
    expect(result.probe.message).toContain('TUNEBRIDGE_SECRET_STORE=passphrase-file');
  });
});
