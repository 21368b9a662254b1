import { TuneBridgeError } from '../errors.js';

/**
 * Where the host keeps secrets (provider tokens). Every implementation encrypts at rest through
 * the operating system or a passphrase; there is deliberately no plaintext implementation.
 */
export interface SecretStore {
  /** Shown to the person, e.g. "OS keyring (Secret Service)". */
  readonly description: string;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  /** Resolves true when something was erased. */
  delete(key: string): Promise<boolean>;
  /** Set when the secrets are protected less than they should be (a weakness the person allowed). */
  readonly warning?: string;
}

export type VaultErrorCode =
  | 'keyring_unavailable'
  | 'passphrase_required'
  | 'passphrase_wrong'
  | 'store_corrupt'
  | 'store_io'
  | 'store_kind_unknown'
  | 'tokens_invalid';

export class VaultError extends TuneBridgeError<VaultErrorCode> {}
