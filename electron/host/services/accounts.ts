import { PROVIDER_NAMES, type ProviderId } from '../../../protocol/providers.js';
import type { LoginAttempt } from '../accounts/login-service.js';
import { revokeAtProvider } from '../auth/token-revocation.js';
import type { HostDeps } from './host-types.js';

/**
 * Logins and logouts: a logout revokes at the provider where it can and always erases our copy.
 */
export class AccountsService {
  constructor(private readonly deps: HostDeps) {}

  startLogin(provider: ProviderId): Promise<LoginAttempt> {
    return this.deps.login.start(provider);
  }

  /** Revokes at the provider where it can, and always erases our copy of the tokens. */
  async logout(provider: ProviderId): Promise<void> {
    const { accounts, capabilities, tokens } = this.deps;
    const runtime = accounts.runtime(provider);
    const stored = await accounts.storedTokens(provider).catch(() => undefined);
    const revocation =
      runtime && stored ? await revokeAtProvider(runtime.oauth, stored, this.deps.fetch) : 'failed';
    capabilities.revokeWhere((capability) => capability.provider === provider);
    tokens.forget(provider);
    await accounts.disconnect(provider);
    const name = PROVIDER_NAMES[provider];
    await this.deps.record({
      kind: 'logout',
      outcome: 'ok',
      provider,
      message:
        revocation === 'revoked'
          ? `Logged out of ${name}; ${name} revoked the tokens.`
          : `Logged out of ${name}; TuneBridge erased its tokens. ${name} offers no revocation endpoint: remove TuneBridge under your ${name} account's apps to cut it off there too.`,
    });
    this.deps.events.emit('providers.changed');
  }
}
