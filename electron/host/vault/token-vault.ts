import type { ProviderId } from '../../../protocol/providers.js';
import type { SecretStore } from './secret-store.js';
import { VaultError } from './secret-store.js';
import { TokenSet } from './token-set.js';

export interface TokenVaultOptions {
  /**
   * Called with every token the vault reads or writes, so the audit log's deny-list
   * (registerSecret) catches them verbatim wherever they turn up.
   */
  onSecret?: (value: string) => void;
}

export function tokenKey(provider: ProviderId): string {
  return `provider-tokens:${provider}`;
}

/** Provider tokens, typed, over whichever SecretStore the host chose. */
export class TokenVault {
  constructor(
    private readonly store: SecretStore,
    private readonly options: TokenVaultOptions = {},
  ) {}

  get description(): string {
    return this.store.description;
  }

  /**
   * The stored tokens, or undefined when there are none or the entry cannot be read; either way
   * the account needs a fresh login. Store failures (locked keyring, wrong passphrase) still throw,
   * because logging in again would not fix them.
   */
  async load(provider: ProviderId): Promise<TokenSet | undefined> {
    const raw = await this.store.get(tokenKey(provider));
    if (raw === undefined) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      // Never surface the parse error: its message quotes the stored text.
      return undefined;
    }
    const parsed = TokenSet.safeParse(json);
    if (!parsed.success) return undefined;
    this.announce(parsed.data);
    return parsed.data;
  }

  async save(provider: ProviderId, tokens: TokenSet): Promise<void> {
    const parsed = TokenSet.safeParse(tokens);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
      throw new VaultError(
        'tokens_invalid',
        `The ${provider} tokens are incomplete (${fields.join(', ')}); they were not stored. ` +
          `Log in to ${provider} again.`,
      );
    }
    this.announce(parsed.data);
    await this.store.set(tokenKey(provider), JSON.stringify(parsed.data));
  }

  /** Resolves true when tokens were there to erase. */
  erase(provider: ProviderId): Promise<boolean> {
    return this.store.delete(tokenKey(provider));
  }

  private announce(tokens: TokenSet): void {
    this.options.onSecret?.(tokens.accessToken);
    if (tokens.refreshToken) this.options.onSecret?.(tokens.refreshToken);
  }
}
