import { PROVIDER_NAMES, type ProviderId } from '../../../protocol/providers.js';
import {
  assertNotFromEnvironment,
  configuredMessage,
  describeClientId,
  ProviderSetupError,
  setupViews,
  validateProviderConfig,
  type ProviderConfig,
  type ProviderConfigResult,
  type ProviderSetup,
} from '../providers/provider-setup.js';
import type { HostDeps } from './host-types.js';

/**
 * Bring your own app: the provider's client ID and redirect port, and where tokens are kept.
 */
export class ProviderAppsService {
  constructor(private readonly deps: HostDeps) {}

  /** Each provider's "bring your own app" state: dashboard, redirect URI, saved client ID. */
  providerSetup(): ProviderSetup[] {
    return setupViews({
      sandbox: this.deps.sandbox,
      registry: this.deps.providers,
      saved: this.deps.settings.read().providers,
    });
  }

  secretStorage(): { description: string; warning?: string } {
    const { description, warning } = this.deps.secretStore;
    return warning ? { description, warning } : { description };
  }

  /**
   * Saves the person's own app for a provider. Outside sandbox mode it takes effect at once (the
   * provider shows as not connected, ready to connect); in sandbox mode the stand-ins stay until
   * TuneBridge restarts.
   */
  async configureProvider(
    provider: ProviderId,
    config: ProviderConfig,
  ): Promise<ProviderConfigResult> {
    const { clientId, redirectPort } = validateProviderConfig(provider, config);
    const { settings, providers, sandbox } = this.deps;
    assertNotFromEnvironment(providers, provider);
    const live = sandbox ? undefined : providers.runtime(provider);
    if (live && live.oauth.clientId !== clientId) this.assertSignedOut(provider, 'change');
    const saved = settings.update((current) => ({
      ...current,
      providers: {
        ...current.providers,
        [provider]: {
          ...current.providers[provider],
          clientId,
          redirectPort: redirectPort ?? current.providers[provider]?.redirectPort,
        },
      },
    })).providers[provider];
    const result = configuredMessage(provider, sandbox);
    await this.deps.record({
      kind: 'config.changed',
      outcome: 'ok',
      provider,
      message: `${PROVIDER_NAMES[provider]} client ID saved (${describeClientId(clientId)})${
        result.restartRequired ? '; takes effect when TuneBridge restarts' : ''
      }`,
    });
    if (!sandbox) {
      providers.setRuntime(provider, saved);
      this.deps.events.emit('providers.changed');
    }
    return result;
  }

  /** Forgets the person's app for a provider; its account must be disconnected first. */
  async removeProviderConfig(provider: ProviderId): Promise<ProviderConfigResult> {
    const { settings, providers, sandbox } = this.deps;
    const name = PROVIDER_NAMES[provider];
    assertNotFromEnvironment(providers, provider);
    if (!sandbox && providers.runtime(provider)) this.assertSignedOut(provider, 'remove');
    const had = settings.read().providers[provider]?.clientId !== undefined;
    settings.update((current) => {
      const next = { ...current.providers };
      const groups = next[provider]?.groups;
      // Only the app goes; the permission groups a login asks for stay the person's choice.
      if (groups) next[provider] = { groups };
      else delete next[provider];
      return { ...current, providers: next };
    });
    if (had) {
      await this.deps.record({
        kind: 'config.changed',
        outcome: 'ok',
        provider,
        message: `${name} client ID removed`,
      });
    }
    if (!sandbox) {
      providers.setRuntime(provider, undefined);
      this.deps.events.emit('providers.changed');
    }
    return {
      restartRequired: false,
      message: had
        ? `TuneBridge forgot your ${name} client ID.`
        : `No ${name} client ID was saved.`,
    };
  }

  /** A login belongs to the app it was made with: changing the app needs a logout first. */
  private assertSignedOut(provider: ProviderId, action: 'change' | 'remove'): void {
    if (this.deps.accounts.summary(provider).status === 'disconnected') return;
    const name = PROVIDER_NAMES[provider];
    throw new ProviderSetupError(
      'provider_in_use',
      `Disconnect ${name} first: your ${name} login belongs to the app whose client ID you want to ${action}. Then ${action === 'change' ? 'save the new client ID and connect again' : 'remove it'}.`,
    );
  }
}
