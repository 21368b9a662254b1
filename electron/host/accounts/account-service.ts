import type { AccountSummary, ProviderId } from '../../../protocol/providers.js';
import type { ProviderFetch } from '../http/secure-fetch.js';
import type { ProviderRuntime } from '../providers/provider-runtime.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { TokenSet } from '../vault/token-set.js';
import type { TokenVault } from '../vault/token-vault.js';
import { notGrantedScopes } from '../../../protocol/not-granted.js';

export type ProviderRuntimes = Partial<Record<ProviderId, ProviderRuntime>>;

/**
 * The person's connected accounts: who they are at each provider (settings, non-secret) and
 * their tokens (vault). Nothing here ever hands a token to a caller outside the host.
 */
export class AccountService {
  constructor(
    private readonly deps: {
      settings: SettingsStore;
      vault: TokenVault;
      runtimes: ProviderRuntimes;
      fetch: ProviderFetch;
      now?: () => Date;
    },
  ) {}

  runtime(provider: ProviderId): ProviderRuntime | undefined {
    return this.deps.runtimes[provider];
  }

  configuredProviders(): ProviderId[] {
    return (Object.keys(this.deps.runtimes) as ProviderId[]).filter((id) => this.deps.runtimes[id]);
  }

  summary(provider: ProviderId): AccountSummary {
    const record = this.deps.settings.read().accounts[provider];
    const runtime = this.runtime(provider);
    if (!record || !runtime) return { provider, status: 'disconnected', scopes: [] };
    const notGranted = notGrantedScopes(runtime.oauth.scopes, record.scopes);
    return {
      provider,
      status: record.status,
      accountId: record.accountId,
      displayName: record.displayName,
      product: record.product,
      country: record.country,
      scopes: record.scopes,
      connectedAt: record.connectedAt,
      lastRefreshAt: record.lastRefreshAt,
      ...(notGranted.length > 0 ? { notGranted } : {}),
    };
  }

  summaries(): AccountSummary[] {
    return this.configuredProviders().map((provider) => this.summary(provider));
  }

  /** Stores a fresh login: tokens into the vault first, then the account into settings. */
  async completeLogin(provider: ProviderId, tokens: TokenSet): Promise<AccountSummary> {
    const runtime = this.runtime(provider);
    if (!runtime) throw new Error(`${provider} is not configured`);
    const profile = await runtime.fetchProfile(tokens.accessToken, this.deps.fetch);
    await this.deps.vault.save(provider, tokens);
    const at = this.now().toISOString();
    this.deps.settings.update((settings) => ({
      ...settings,
      accounts: {
        ...settings.accounts,
        [provider]: {
          status: 'connected',
          accountId: profile.accountId,
          displayName: profile.displayName,
          product: profile.product,
          country: profile.country,
          scopes: tokens.scopes,
          connectedAt: at,
        },
      },
    }));
    return this.summary(provider);
  }

  /** Forgets the account: tokens out of the vault first, then the record from settings. */
  async disconnect(provider: ProviderId): Promise<boolean> {
    const erased = await this.deps.vault.erase(provider);
    this.deps.settings.update((settings) => {
      const accounts = { ...settings.accounts };
      delete accounts[provider];
      return { ...settings, accounts };
    });
    return erased;
  }

  /** The stored tokens, for a logout that revokes them at the provider. Never leaves the host. */
  storedTokens(provider: ProviderId): Promise<TokenSet | undefined> {
    return this.deps.vault.load(provider);
  }

  markNeedsLogin(provider: ProviderId): void {
    this.updateAccount(provider, (account) => ({ ...account, status: 'needs-login' }));
  }

  recordRefresh(provider: ProviderId, tokens: TokenSet): void {
    this.updateAccount(provider, (account) => ({
      ...account,
      status: 'connected',
      scopes: tokens.scopes,
      lastRefreshAt: this.now().toISOString(),
    }));
  }

  private updateAccount(
    provider: ProviderId,
    change: (
      account: NonNullable<ReturnType<SettingsStore['read']>['accounts'][ProviderId]>,
    ) => NonNullable<ReturnType<SettingsStore['read']>['accounts'][ProviderId]>,
  ): void {
    this.deps.settings.update((settings) => {
      const account = settings.accounts[provider];
      if (!account) return settings;
      return { ...settings, accounts: { ...settings.accounts, [provider]: change(account) } };
    });
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
