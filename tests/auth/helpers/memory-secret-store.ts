import type { SecretStore } from '../../../electron/host/vault/secret-store.js';

/** A SecretStore for tests only: the product deliberately has no plaintext store. */
export class MemorySecretStore implements SecretStore {
  readonly description = 'memory (tests)';
  readonly values = new Map<string, string>();

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.values.get(key));
  }

  set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.values.delete(key));
  }
}
