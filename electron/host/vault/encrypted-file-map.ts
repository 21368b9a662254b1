import { chmod, readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { TuneBridgeError } from '../errors.js';
import { ensurePrivateDir, writeFileAtomic } from '../fs/atomic-write.js';
import { VaultError } from './secret-store.js';

/** How one kind of secrets file turns into entries and back. Both may throw a VaultError. */
export interface EncryptedFileCodec {
  open(text: string): Promise<Record<string, string>> | Record<string, string>;
  seal(entries: Record<string, string>): Promise<string> | string;
}

/**
 * A string map kept in one encrypted file: read once and cached, changed one operation at a
 * time, and replaced atomically (0600 in a 0700 folder). A file that does not open is reported
 * through the codec's error and never written over. The file-backed secret stores share it.
 */
export class EncryptedFileMap {
  readonly file: string;
  readonly #codec: EncryptedFileCodec;
  #entries: Map<string, string> | undefined;
  // One operation at a time, so two writes cannot each start from a stale copy.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(file: string, codec: EncryptedFileCodec) {
    this.file = file;
    this.#codec = codec;
  }

  /** Reads and opens the file now, so a problem shows at start-up rather than at first use. */
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
    const entries = new Map(Object.entries(await this.#codec.open(text)));
    await this.#tightenMode();
    this.#entries = entries;
    return this.#entries;
  }

  async #write(entries: Map<string, string>): Promise<void> {
    const text = await this.#codec.seal(Object.fromEntries(entries));
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
      `Could not ${action} ${basename(this.file)} in ${dirname(this.file)} (${code}). Check that ` +
        'the folder exists, is yours and has free space, then try again.',
      { cause: error },
    );
  }
}
