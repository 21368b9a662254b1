import { chmod, readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { TuneBridgeError } from '../core/errors.js';
import { ensurePrivateDir, writeFileAtomic } from '../core/fs/atomic-write.js';
import { VaultError, type SecretStore } from '../core/vault/secret-store.js';

/**
 * The parts of Electron's `safeStorage` this store uses. main.ts passes the real one; this
 * module never imports electron, so its file handling is tested under plain Node.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
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
  /** base64 of `safeStorage.encryptString(JSON.stringify({ entries }))`. */
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
  #entries: Map<string, string> | undefined;
  // One operation at a time, so two writes cannot each start from a stale copy.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: SafeStorageSecretStoreOptions) {
    this.file = options.file;
    this.description = options.description;
    if (options.warning) this.warning = options.warning;
    this.#safeStorage = options.safeStorage;
  }

  /** Reads and decrypts the file now, so a problem shows at start-up rather than at first use. */
  async unlock(): Promise<void> {
    await this.#serial(() => this.#load());
  }

  get(key: string): Promise<string | undefined> {
    return this.#serial(async () => (await this.#load()).get(key));
  }

  set(key: string, value: string): Promise<void> {
    return this.#serial(async () => {
      const entries = new Map(await this.#load());
      entries.set(key, value);
      await this.#write(entries);
    });
  }

  delete(key: string): Promise<boolean> {
    return this.#serial(async () => {
      const current = await this.#load();
      if (!current.has(key)) return false;
      const entries = new Map(current);
      entries.delete(key);
      await this.#write(entries);
      return true;
    });
  }

  #serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(operation, operation);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #load(): Promise<Map<string, string>> {
    if (this.#entries) return this.#entries;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.#entries = new Map();
        return this.#entries;
      }
      throw this.#ioError('read', error);
    }
    this.#entries = new Map(Object.entries(this.#open(text)));
    await this.#tightenMode();
    return this.#entries;
  }

  #open(text: string): Record<string, string> {
    let envelope: z.infer<typeof SafeStorageFile>;
    try {
      envelope = SafeStorageFile.parse(JSON.parse(text));
    } catch {
      throw this.#corrupt('it is not a TuneBridge safeStorage file');
    }
    this.#requireEncryption();
    let plain: string;
    try {
      plain = this.#safeStorage.decryptString(Buffer.from(envelope.data, 'base64'));
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

  async #write(entries: Map<string, string>): Promise<void> {
    this.#requireEncryption();
    const sealed = this.#safeStorage.encryptString(
      JSON.stringify({ entries: Object.fromEntries(entries) }),
    );
    const text = `${JSON.stringify({ format: FORMAT, version: 1, data: sealed.toString('base64') })}\n`;
    try {
      await ensurePrivateDir(dirname(this.file));
      await writeFileAtomic(this.file, text, { mode: 0o600 });
    } catch (error) {
      if (error instanceof TuneBridgeError) throw error;
      throw this.#ioError('write', error);
    }
    // Only a completed write changes what later reads see.
    this.#entries = entries;
  }

  #requireEncryption(): void {
    if (this.#safeStorage.isEncryptionAvailable()) return;
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

  /** A copy restored from a backup may come back world-readable; ciphertext still deserves 0600. */
  async #tightenMode(): Promise<void> {
    if (process.platform === 'win32') return;
    try {
      if (((await stat(this.file)).mode & 0o077) !== 0) await chmod(this.file, 0o600);
    } catch {
      // Reading worked; a failed chmod is not worth refusing the person's tokens over.
    }
  }

  #ioError(action: 'read' | 'write', error: unknown): VaultError {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return new VaultError(
      'store_io',
      `Could not ${action} ${basename(this.file)} in ${dirname(this.file)} (${code}). Check that ` +
        'the folder exists, is yours and has free space, then try again.',
      { cause: error },
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
