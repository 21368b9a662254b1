import { randomBytes } from 'node:crypto';
import { deletePassword, getPassword, setPassword } from './keyring-entry.js';
import { nativeReason } from './native-error.js';
import { VaultError, type SecretStore } from './secret-store.js';

export interface KeyringSecretStoreOptions {
  /** The keyring "service" every entry is filed under; tests use a unique one per run. */
  service?: string;
}

export interface KeyringProbeOptions {
  /** A locked keyring may wait for an unlock prompt nobody will answer, so give up after this. */
  timeoutMs?: number;
}

const KEYRING_NAME: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'macOS Keychain',
  win32: 'Windows Credential Manager',
  linux: 'Secret Service (GNOME Keyring / KWallet)',
};

const HOW_TO_FIX =
  'Run TuneBridge inside a desktop session with an unlocked keyring (on Linux, install and ' +
  'start gnome-keyring), or keep tokens in a passphrase-encrypted file instead by setting ' +
  'TUNEBRIDGE_SECRET_STORE=passphrase-file (and TUNEBRIDGE_PASSPHRASE, or enter it when asked).';

/** Secrets in the operating system's keyring, through a keytar-compatible native binding. */
export class KeyringSecretStore implements SecretStore {
  readonly service: string;
  readonly description: string;

  constructor({ service = 'TuneBridge' }: KeyringSecretStoreOptions = {}) {
    this.service = service;
    this.description = `OS keyring (${KEYRING_NAME[process.platform] ?? 'system keyring'})`;
  }

  /**
   * Resolves undefined when the keyring stores, returns and erases a throwaway entry; otherwise
   * the VaultError to show, which says how to get a working store.
   */
  static async probe(
    service = 'TuneBridge',
    { timeoutMs = 10_000 }: KeyringProbeOptions = {},
  ): Promise<VaultError | undefined> {
    const account = `probe:${randomBytes(6).toString('hex')}`;
    const value = randomBytes(16).toString('hex');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s (locked?)`)),
        timeoutMs,
      );
    });
    try {
      const roundTrip = async (): Promise<void> => {
        await setPassword(service, account, value);
        const read = await getPassword(service, account);
        await deletePassword(service, account);
        if (read !== value) throw new Error('it returned something other than what was stored');
      };
      await Promise.race([roundTrip(), timeout]);
      return undefined;
    } catch (error) {
      return new VaultError(
        'keyring_unavailable',
        `The OS keyring is not usable (${nativeReason(error, [value])}). ${HOW_TO_FIX}`,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async get(key: string): Promise<string | undefined> {
    try {
      return (await getPassword(this.service, key)) ?? undefined;
    } catch (error) {
      throw this.failure('read', key, error);
    }
  }

  async set(key: string, value: string): Promise<void> {
    try {
      await setPassword(this.service, key, value);
    } catch (error) {
      throw this.failure('store', key, error, value);
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return await deletePassword(this.service, key);
    } catch (error) {
      throw this.failure('erase', key, error);
    }
  }

  private failure(action: string, key: string, error: unknown, value?: string): VaultError {
    // Key names are not secret; the value is, and is scrubbed from the native message.
    const reason = nativeReason(error, value === undefined ? [] : [value]);
    return new VaultError(
      'keyring_unavailable',
      `Could not ${action} "${key}" in the OS keyring (${reason}). ${HOW_TO_FIX}`,
    );
  }
}
