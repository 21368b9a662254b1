import { PROVIDER_NAMES, type ProviderId } from '../../../protocol/providers.js';
import type { AccessTokens } from '../broker/api-proxy.js';
import { BrokerError } from '../broker/broker-error.js';
import type { ProviderFetch } from '../http/secure-fetch.js';
import type { TokenSet } from '../vault/token-set.js';
import { refreshTokens, type OAuthProviderConfig } from './oauth-client.js';
import { OAuthError } from './oauth-error.js';
import { PendingSaves } from './pending-save.js';

/** Where tokens live between runs; TokenVault fits. */
export interface TokenStorage {
  load(provider: ProviderId): Promise<TokenSet | undefined>;
  save(provider: ProviderId, tokens: TokenSet): Promise<void>;
}

export interface TokenManagerOptions {
  storage: TokenStorage;
  configFor: (provider: ProviderId) => OAuthProviderConfig;
  fetch: ProviderFetch;
  /** Called after refreshed tokens are stored, before anyone uses them. */
  onRefreshed?: (provider: ProviderId, tokens: TokenSet) => void;
  /** Called once when the provider stops accepting the refresh token. */
  onNeedsLogin?: (provider: ProviderId, reason: string) => void;
  /**
   * Called when refreshed tokens could not be saved (once per stretch of failures): they are
   * kept in memory, used, and saved again until the store takes them.
   */
  onSaveFailed?: (provider: ProviderId, error: unknown) => void;
  /** The first pause before saving unsaved tokens again; it doubles up to a minute. */
  saveRetryMs?: number;
  /** Refresh this long before expiry, so a token does not lapse mid-request. */
  refreshMarginMs?: number;
  now?: () => number;
}

/**
 * Hands out provider access tokens, refreshing them when they are about to expire. Each
 * provider has at most one refresh in flight, because providers that rotate refresh tokens
 * invalidate the old one: a second concurrent refresh would sign the person out.
 */
export class TokenManager implements AccessTokens {
  private readonly cache = new Map<ProviderId, TokenSet>();
  private readonly inflight = new Map<ProviderId, Promise<TokenSet>>();
  private readonly needsLogin = new Set<ProviderId>();
  /** Bumped by adopt() and forget(), so a refresh that started before them is not kept. */
  private readonly generations = new Map<ProviderId, number>();
  private readonly refreshMarginMs: number;
  private readonly now: () => number;
  private readonly unsaved: PendingSaves;
  /**
   * Refresh tokens a provider has already exchanged for a rotated one. Sending one again would
   * be refused (invalid_grant) and sign the person out, so it is never sent.
   */
  private readonly exchanged = new Set<string>();

  constructor(private readonly options: TokenManagerOptions) {
    this.refreshMarginMs = options.refreshMarginMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.unsaved = new PendingSaves(
      (provider, tokens) => options.storage.save(provider, tokens),
      options.saveRetryMs ?? 1_000,
    );
  }

  async getAccessToken(provider: ProviderId): Promise<string> {
    return (await this.freshTokens(provider)).accessToken;
  }

  /** After a 401: returns a newer token if someone already refreshed, else refreshes. */
  async refreshAfterUnauthorized(
    provider: ProviderId,
    rejectedAccessToken: string,
  ): Promise<string> {
    return (await this.freshTokens(provider, rejectedAccessToken)).accessToken;
  }

  /** Takes the tokens of a fresh login; clears "needs login". The caller has stored them. */
  adopt(provider: ProviderId, tokens: TokenSet): void {
    this.bumpGeneration(provider);
    this.needsLogin.delete(provider);
    this.unsaved.drop(provider);
    this.cache.set(provider, tokens);
  }

  /** Drops what is held in memory, e.g. after the account was disconnected. */
  forget(provider: ProviderId): void {
    this.bumpGeneration(provider);
    this.needsLogin.delete(provider);
    this.unsaved.drop(provider);
    this.cache.delete(provider);
  }

  private async freshTokens(provider: ProviderId, rejected?: string): Promise<TokenSet> {
    this.failIfNeedsLogin(provider);
    const cached = this.cache.get(provider);
    if (cached && this.usable(cached, rejected)) return cached;
    const running = this.inflight.get(provider);
    if (running) {
      const shared = await running;
      // A just-refreshed token is used even if the provider gave it a life shorter than the margin.
      if (shared.accessToken !== rejected) return shared;
    }
    return this.inflight.get(provider) ?? this.startRefresh(provider, rejected);
  }

  private startRefresh(provider: ProviderId, rejected: string | undefined): Promise<TokenSet> {
    const work = (async () => {
      const tokens = this.cache.get(provider) ?? (await this.loadStored(provider));
      if (this.usable(tokens, rejected)) return tokens;
      return this.refresh(provider, tokens);
    })();
    const tracked = work.finally(() => {
      if (this.inflight.get(provider) === tracked) this.inflight.delete(provider);
    });
    this.inflight.set(provider, tracked);
    return tracked;
  }

  private async loadStored(provider: ProviderId): Promise<TokenSet> {
    const generation = this.generationOf(provider);
    const unsaved = this.unsaved.get(provider);
    if (unsaved) return unsaved;
    const stored = await this.options.storage.load(provider);
    const current = this.cache.get(provider);
    if (current) return current;
    if (!stored) throw notConnected(provider);
    if (generation === this.generationOf(provider)) this.cache.set(provider, stored);
    return stored;
  }

  private async refresh(provider: ProviderId, tokens: TokenSet): Promise<TokenSet> {
    const name = PROVIDER_NAMES[provider];
    if (!tokens.refreshToken) {
      this.markNeedsLogin(provider, 'no refresh token');
      throw signedOut(provider);
    }
    if (this.exchanged.has(tokens.refreshToken)) {
      // Only reachable if an older copy came back from somewhere; the provider would refuse it.
      this.markNeedsLogin(provider, 'refresh token already exchanged');
      throw signedOut(provider);
    }
    const config = this.options.configFor(provider);
    const generation = this.generationOf(provider);
    let refreshed: TokenSet;
    try {
      refreshed = await refreshTokens(
        config,
        tokens.refreshToken,
        tokens.scopes,
        this.options.fetch,
        this.now,
      );
    } catch (error) {
      if (generation !== this.generationOf(provider)) return this.afterAdoptOrForget(provider);
      if (error instanceof OAuthError && error.code === 'invalid_grant') {
        this.markNeedsLogin(provider, 'refresh token rejected');
        throw signedOut(provider, error);
      }
      // Not the person's fault and maybe passing: the saved login stays, the next call retries.
      throw new BrokerError('upstream_unavailable', renewFailed(error, name), undefined, {
        cause: error,
      });
    }
    if (generation !== this.generationOf(provider)) return this.afterAdoptOrForget(provider);
    if (refreshed.refreshToken !== tokens.refreshToken) this.exchanged.add(tokens.refreshToken);
    // Stored before anyone uses it: if the provider rotated the refresh token, losing the new one
    // would sign the person out at the next refresh. If the store won't take it, it is kept and
    // used from memory and saved again later: throwing it away would be the sign-out.
    try {
      await this.options.storage.save(provider, refreshed);
      this.unsaved.drop(provider);
    } catch (error) {
      if (this.unsaved.hold(provider, refreshed)) this.options.onSaveFailed?.(provider, error);
    }
    if (generation !== this.generationOf(provider)) {
      // A login landed while we were saving; put its tokens back over ours.
      this.unsaved.drop(provider);
      const adopted = this.cache.get(provider);
      if (adopted) await this.options.storage.save(provider, adopted);
      return this.afterAdoptOrForget(provider);
    }
    this.cache.set(provider, refreshed);
    this.options.onRefreshed?.(provider, refreshed);
    return refreshed;
  }

  /** A refresh that overlapped a login or a disconnect yields to it. */
  private afterAdoptOrForget(provider: ProviderId): TokenSet {
    const current = this.cache.get(provider);
    if (!current) throw notConnected(provider);
    return current;
  }

  private usable(tokens: TokenSet, rejected: string | undefined): boolean {
    return tokens.accessToken !== rejected && tokens.expiresAt - this.refreshMarginMs > this.now();
  }

  private markNeedsLogin(provider: ProviderId, reason: string): void {
    if (this.needsLogin.has(provider)) return;
    this.needsLogin.add(provider);
    this.cache.delete(provider);
    this.options.onNeedsLogin?.(provider, reason);
  }

  private failIfNeedsLogin(provider: ProviderId): void {
    if (this.needsLogin.has(provider)) throw signedOut(provider);
  }

  private generationOf(provider: ProviderId): number {
    return this.generations.get(provider) ?? 0;
  }

  private bumpGeneration(provider: ProviderId): void {
    this.generations.set(provider, this.generationOf(provider) + 1);
  }
}

function loginHint(provider: ProviderId): string {
  return `Open TuneBridge and log in to ${PROVIDER_NAMES[provider]} (or run \`tunebridge login ${provider}\`).`;
}

function notConnected(provider: ProviderId): BrokerError {
  return new BrokerError(
    'needs_login',
    `${PROVIDER_NAMES[provider]} isn't connected. ${loginHint(provider)}`,
  );
}

function signedOut(provider: ProviderId, cause?: unknown): BrokerError {
  return new BrokerError(
    'needs_login',
    `${PROVIDER_NAMES[provider]} no longer accepts TuneBridge's saved login (it was revoked or expired). ${loginHint(provider)}`,
    undefined,
    cause === undefined ? undefined : { cause },
  );
}

/** The OAuth layer's own sentence when it wrote one for people; never a raw network error. */
function renewFailed(error: unknown, name: string): string {
  const prefix = `TuneBridge could not renew its access to ${name}.`;
  if (error instanceof OAuthError) return `${prefix} ${error.message}`;
  return `${prefix} Its login server could not be reached; check your connection and try again.`;
}
