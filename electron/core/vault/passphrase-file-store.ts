import { chmod, readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { TuneBridgeError } from '../errors.js';
import { ensurePrivateDir, writeFileAtomic } from '../fs/atomic-write.js';
import { VaultError, type SecretStore } from './secret-store.js';
import { openSecrets, sealSecrets } from './secrets-file-format.js';

export interface PassphraseFileSecretStoreOptions {
  /** Usually HostPaths.secretsFile (`secrets.enc` in the data directory). */
  file: string;
  passphrase: string;
}

/**
 * All secrets in one file, encrypted with a key derived from the person's passphrase, for
 * machines without a working keyring. A file that does not open is never written over: the
 * person may still recover it with the right passphrase or a backup.
 */
export class PassphraseFileSecretStore implements SecretStore {
  readonly file: string;
  readonly description: string;
  readonly #passphrase: string;
  #entries: Map<string, string> | undefined;
  // Operations run one at a time so two writes cannot each start from a stale copy.
  #queue: Promise<unknown> = Promise.resolve();

  constructor({ file, passphrase }: PassphraseFileSecretStoreOptions) {
    if (!passphrase) {
      throw new VaultError(
        'passphrase_required',
        `A passphrase is needed to use ${file}. Set TUNEBRIDGE_PASSPHRASE or enter it when asked.`,
      );
    }
    this.file = file;
    this.#passphrase = passphrase;
    this.description = `Passphrase-encrypted file (${basename(file)})`;
  }

  /** Opens the file now, so a wrong passphrase shows up at start-up rather than at first use. */
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
    const opened = await openSecrets(this.#passphrase, text);
    if (!opened.ok && opened.reason === 'passphrase_wrong') {
      throw new VaultError(
        'passphrase_wrong',
        `That passphrase does not unlock ${this.file}. Use the passphrase TuneBridge was set up ` +
          'with (TUNEBRIDGE_PASSPHRASE). If it is lost, move the file aside and connect your ' +
          'accounts again; if you are sure it is right, the file may have been altered.',
      );
    }
    if (!opened.ok) {
      throw new VaultError(
        'store_corrupt',
        `${this.file} cannot be read: ${opened.detail}. TuneBridge has left it untouched. ` +
          'Restore it from a backup, or move it aside and connect your accounts again.',
      );
    }
    await this.#tightenMode();
    this.#entries = new Map(Object.entries(opened.payload.entries));
    return this.#entries;
  }

  async #write(entries: Map<string, string>): Promise<void> {
    const text = await sealSecrets(this.#passphrase, { entries: Object.fromEntries(entries) });
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
      `Could not ${action} ${this.file} (${code}). Check that the folder exists, is yours and ` +
        'has free space, then try again.',
      { cause: error },
    );
  }
}
