import * as z from 'zod';
import { EncryptedFileMap } from '../host/vault/encrypted-file-map.js';
import { VaultError, type SecretStore } from '../host/vault/secret-store.js';

/**
 * The parts of Electron's `safeStorage` this store uses. main.ts passes the real one; this
 * module never imports electron, so its file handling is tested under plain Node.
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

export interface SafeStorageSecretStoreOptions {
  /** Usually `<data dir>/secrets.safestorage`. */
  file: string;
  safeStorage: SafeStorageLike;
  /** Shown to the person, e.g. "macOS Keychain (Electron safeStorage)". */
  description: string;
  /** Shown prominently in the window, e.g. when Linux `basic_text` storage was allowed. */
  warning?: string;
}

const FORMAT = 'tunebridge-safestorage';

const SafeStorageFile = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  /** base64 of `safeStorage.encryptStringAsync(JSON.stringify({ entries }))`. */
  data: z.string().min(1),
});

const Payload = z.object({ entries: z.record(z.string(), z.string()) });

/**
 * All secrets in one file, encrypted by the operating system through Electron's `safeStorage`
 * (Keychain on macOS, DPAPI on Windows, libsecret or KWallet on Linux). The key names are
 * inside the ciphertext too. The file is 0600 in a 0700 folder and replaced atomically; a file
 * that does not decrypt is reported and never written over. Only use it after `app` is ready.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly file: string;
  readonly description: string;
  readonly warning?: string;
  readonly #safeStorage: SafeStorageLike;
  readonly #map: EncryptedFileMap;

  constructor(options: SafeStorageSecretStoreOptions) {
    this.file = options.file;
    this.description = options.description;
    if (options.warning) this.warning = options.warning;
    this.#safeStorage = options.safeStorage;
    this.#map = new EncryptedFileMap(this.file, {
      open: (text) => this.#open(text),
      seal: (entries) => this.#seal(entries),
    });
  }

  /** Reads and decrypts the file now, so a problem shows at start-up rather than at first use. */
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

  async #open(text: string): Promise<Record<string, string>> {
    let envelope: z.infer<typeof SafeStorageFile>;
    try {
      envelope = SafeStorageFile.parse(JSON.parse(text));
    } catch {
      throw this.#corrupt('it is not a TuneBridge safeStorage file');
    }
    await this.#requireEncryption();
    let plain: string;
    try {
      // shouldReEncrypt (a rotated key) is honoured by the next write, which always seals anew.
      ({ result: plain } = await this.#safeStorage.decryptStringAsync(
        Buffer.from(envelope.data, 'base64'),
      ));
    } catch {
      throw this.#corrupt(
        'the operating system could not decrypt it (it may come from another user account or ' +
          'machine, or the key in your keychain was reset)',
      );
    }
    const payload = Payload.safeParse(safeJsonParse(plain));
    if (!payload.success) throw this.#corrupt('its decrypted contents are not valid');
    return payload.data.entries;
  }

  async #seal(entries: Record<string, string>): Promise<string> {
    await this.#requireEncryption();
    const sealed = await this.#safeStorage.encryptStringAsync(JSON.stringify({ entries }));
    return `${JSON.stringify({ format: FORMAT, version: 1, data: sealed.toString('base64') })}\n`;
  }

  async #requireEncryption(): Promise<void> {
    if (await this.#safeStorage.isAsyncEncryptionAvailable()) return;
    throw new VaultError(
      'keyring_unavailable',
      'The operating system’s secret storage is not available right now, so TuneBridge cannot ' +
        'read or save your tokens. Unlock your keychain or keyring (log out and in again if ' +
        'needed), then restart TuneBridge.',
    );
  }

  #corrupt(detail: string): VaultError {
    return new VaultError(
      'store_corrupt',
      `${this.file} cannot be read: ${detail}. TuneBridge has left it untouched. Move it aside ` +
        'and connect your accounts again (or restore it on the machine it came from).',
    );
  }
}

function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
