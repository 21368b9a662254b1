import { VaultError } from './secret-store.js';

export type SecretStoreKind = 'auto' | 'keyring' | 'passphrase-file';

const KINDS: readonly SecretStoreKind[] = ['auto', 'keyring', 'passphrase-file'];

/** TUNEBRIDGE_SECRET_STORE, when set; a typo fails loudly rather than silently picking a store. */
export function secretStoreKindFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): SecretStoreKind | undefined {
  const value = env.TUNEBRIDGE_SECRET_STORE?.trim();
  if (!value) return undefined;
  const kind = KINDS.find((candidate) => candidate === value);
  if (kind) return kind;
  throw new VaultError(
    'store_kind_unknown',
    `TUNEBRIDGE_SECRET_STORE is "${value}", which TuneBridge does not know. ` +
      `Set it to one of ${KINDS.join(', ')}, or unset it.`,
  );
}

/** A passphrase source reading TUNEBRIDGE_PASSPHRASE, for headless machines without a keyring. */
export function passphraseFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): () => Promise<string | undefined> {
  return async () => env.TUNEBRIDGE_PASSPHRASE || undefined;
}
