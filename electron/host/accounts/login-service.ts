import type { AuditEvent } from '../../../protocol/audit.js';
import {
  PROVIDER_NAMES,
  type AccountSummary,
  type ProviderId,
} from '../../../protocol/providers.js';
import { startLogin } from '../auth/login-flow.js';
import type { TokenManager } from '../auth/token-manager.js';
import { BrokerError } from '../broker/broker-error.js';
import type { ProviderFetch } from '../http/secure-fetch.js';
import type { TokenSet } from '../vault/token-set.js';
import type { AccountService } from './account-service.js';

export interface LoginAttempt {
  authorizationUrl: string;
  redirectUri: string;
  done: Promise<AccountSummary>;
}

/**
 * Runs a provider login on behalf of the CLI or UI. Starting a second login for the same
 * provider cancels the first, which is what a person clicking "Connect" again means.
 */
export class LoginService {
  private readonly active = new Map<ProviderId, () => void>();

  constructor(
    private readonly deps: {
      accounts: AccountService;
      tokens: TokenManager;
      fetch: ProviderFetch;
      audit: (event: AuditEvent) => Promise<unknown>;
      onTokens: (tokens: TokenSet) => void;
      onProvidersChanged: () => void;
    },
  ) {}

  async start(provider: ProviderId): Promise<LoginAttempt> {
    const runtime = this.deps.accounts.runtime(provider);
    const name = PROVIDER_NAMES[provider];
    if (!runtime) {
      throw new BrokerError(
        'provider_not_connected',
        `${name} is not set up. Add your ${name} client ID in TuneBridge (or set TUNEBRIDGE_${provider.toUpperCase()}_CLIENT_ID), or run TuneBridge in sandbox mode.`,
      );
    }
    this.active.get(provider)?.();
    const flow = await startLogin(runtime.oauth, this.deps.fetch);
    this.active.set(provider, () => flow.cancel());
    const done = this.finish(provider, flow.done).finally(() => this.active.delete(provider));
    // The caller may stop listening (CLI closed); the outcome is still audited.
    done.catch(() => undefined);
    return { authorizationUrl: flow.authorizationUrl, redirectUri: flow.redirectUri, done };
  }

  private async finish(
    provider: ProviderId,
    tokensPromise: Promise<TokenSet>,
  ): Promise<AccountSummary> {
    const name = PROVIDER_NAMES[provider];
    try {
      const tokens = await tokensPromise;
      this.deps.onTokens(tokens);
      const account = await this.deps.accounts.completeLogin(provider, tokens);
      this.deps.tokens.adopt(provider, tokens);
      await this.deps.audit({
        kind: 'login',
        outcome: 'ok',
        provider,
        scopes: account.scopes,
        message: `${name} connected as ${account.displayName ?? account.accountId ?? 'unknown'}`,
      });
      this.deps.onProvidersChanged();
      return account;
    } catch (error) {
      const code =
        typeof error === 'object' && error !== null && 'code' in error
          ? String(error.code)
          : 'error';
      const message = error instanceof Error ? error.message : `The ${name} login failed.`;
      await this.deps.audit({
        kind: 'login',
        outcome: code === 'access_denied' ? 'refused' : 'error',
        provider,
        message: `${code}: ${message}`,
      });
      throw new BrokerError('login_failed', message, undefined, { cause: error });
    }
  }
}
