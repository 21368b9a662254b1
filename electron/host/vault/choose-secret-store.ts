import { KeyringSecretStore } from './keyring-store.js';
import { PassphraseFileSecretStore } from './passphrase-file-store.js';
import { VaultError, type SecretStore } from './secret-store.js';
import type { SecretStoreKind } from './secret-store-env.js';

export interface ChooseSecretStoreOptions {
  kind?: SecretStoreKind;
  /** Where the passphrase store keeps its file (HostPaths.secretsFile). */
  secretsFile: string;
  /** Asked only when the passphrase store is wanted; resolves undefined when nobody can answer. */
  passphrase?: () => Promise<string | undefined>;
  /** Keyring service name; tests pass a unique one. */
  service?: string;
  probeTimeoutMs?: number;
}

/**
 * Picks where tokens live. "auto" prefers the OS keyring, then a passphrase file; with neither
 * it refuses to start rather than keep tokens in plaintext.
 */
export async function chooseSecretStore(options: ChooseSecretStoreOptions): Promise<SecretStore> {
  const kind = options.kind ?? 'auto';
  const service = options.service ?? 'TuneBridge';
  if (kind === 'passphrase-file') return openPassphraseStore(options);

  const problem = await KeyringSecretStore.probe(service, { timeoutMs: options.probeTimeoutMs });
  if (!problem) return new KeyringSecretStore({ service });
  if (kind === 'keyring') throw problem;

  const passphrase = await options.passphrase?.();
  if (passphrase) return openPassphraseStore(options, passphrase);
  throw new VaultError(
    'keyring_unavailable',
    'TuneBridge has nowhere safe to keep your tokens: the OS keyring is not usable and no ' +
      'passphrase was given. Either run TuneBridge inside a desktop session with an unlocked ' +
      'keyring (on Linux, install gnome-keyring), or set TUNEBRIDGE_SECRET_STORE=passphrase-file ' +
      'together with TUNEBRIDGE_PASSPHRASE to keep them in an encrypted file.',
    { cause: problem },
  );
}

async function openPassphraseStore(
  options: ChooseSecretStoreOptions,
  known?: string,
): Promise<PassphraseFileSecretStore> {
  const passphrase = known ?? (await options.passphrase?.());
  if (!passphrase) {
    throw new VaultError(
      'passphrase_required',
      'The passphrase-file store needs a passphrase. Set TUNEBRIDGE_PASSPHRASE, or enter it ' +
        'when TuneBridge asks.',
    );
  }
  const store = new PassphraseFileSecretStore({ file: options.secretsFile, passphrase });
  await store.unlock();
  return store;
}
