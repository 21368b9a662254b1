import { basename } from 'node:path';
import { EncryptedFileMap } from './encrypted-file-map.js';
import { VaultError, type SecretStore } from './secret-store.js';
import { openSecrets, sealSecrets, SCRYPT_DEFAULTS, type KdfCost } from './secrets-file-format.js';

export interface PassphraseFileSecretStoreOptions {
  /** Usually HostPaths.secretsFile (`secrets.enc` in the data directory). */
  file: string;
  passphrase: string;
  /**
   * scrypt's cost, `SCRYPT_DEFAULTS` unless a test asks for less so it runs in milliseconds. The
   * file is written with this cost and opens only if it was written with at least as much.
   */
  kdfCost?: KdfCost;
}

/**
 * All secrets in one file, encrypted with a key derived from the person's passphrase, for
 * machines without a working keyring. A file that does not open is never written over: the
 * person may still recover it with the right passphrase or a backup.
 */
export class PassphraseFileSecretStore implements SecretStore {
  readonly file: string;
  readonly description: string;
  readonly #map: EncryptedFileMap;

  constructor({ file, passphrase, kdfCost = SCRYPT_DEFAULTS }: PassphraseFileSecretStoreOptions) {
    if (!passphrase) {
      throw new VaultError(
        'passphrase_required',
        `A passphrase is needed to use ${file}. Set TUNEBRIDGE_PASSPHRASE or enter it when asked.`,
      );
    }
    this.file = file;
    this.description = `Passphrase-encrypted file (${basename(file)})`;
    this.#map = new EncryptedFileMap(file, {
      open: (text) => openWithPassphrase(file, passphrase, text, kdfCost),
      seal: (entries) => sealSecrets(passphrase, { entries }, kdfCost),
    });
  }

  /** Opens the file now, so a wrong passphrase shows up at start-up rather than at first use. */
  unlock(): Promise<void> {
    return this.#map.unlock();
  }

  get(key: string): Promise<string | undefined> {
    return this.#map.get(key);
  }

  set(key: string, value: string): Promise<void> {
    return this.#map.set(key, value);
  }

  delete(key: string): Promise<boolean> {
    return this.#map.delete(key);
  }
}

async function openWithPassphrase(
  file: string,
  passphrase: string,
  text: string,
  kdfCost: KdfCost,
): Promise<Record<string, string>> {
  const opened = await openSecrets(passphrase, text, kdfCost);
  if (!opened.ok && opened.reason === 'passphrase_wrong') {
    throw new VaultError(
      'passphrase_wrong',
      `That passphrase does not unlock ${file}. Use the passphrase TuneBridge was set up ` +
        'with (TUNEBRIDGE_PASSPHRASE). If it is lost, move the file aside and connect your ' +
        'accounts again; if you are sure it is right, the file may have been altered.',
    );
  }
  if (!opened.ok) {
    throw new VaultError(
      'store_corrupt',
      `${file} cannot be read: ${opened.detail}. TuneBridge has left it untouched. ` +
        'Restore it from a backup, or move it aside and connect your accounts again.',
    );
  }
  return opened.payload.entries;
}
