import {
  DASHBOARD_URLS,
  DEFAULT_TIDAL_REDIRECT_PORT,
  clientIdProblem,
  redirectPortProblem,
  setupNote,
  setupRedirectUri,
} from '../../../protocol/provider-setup.js';
import { PROVIDER_NAMES, ProviderId } from '../../../protocol/providers.js';
import { TuneBridgeError } from '../errors.js';
import type { ProviderRuntime } from './provider-runtime.js';
import type { ProviderSettings } from './configured-providers.js';

export type ProviderSetupErrorCode =
  'invalid_client_id' | 'invalid_redirect_port' | 'provider_in_use' | 'set_by_environment';

/** A client ID or port the host won't save; the message says what to paste or do instead. */
export class ProviderSetupError extends TuneBridgeError<ProviderSetupErrorCode> {}

/** What the person brings: their app's public client ID (PKCE, no secret) and TIDAL's port. */
export interface ProviderConfig {
  clientId: string;
  redirectPort?: number;
}

/** The outcome of a change to a provider's app, in words for the window. */
export interface ProviderConfigResult {
  restartRequired: boolean;
  message: string;
}

/** One provider's "bring your own app" state, as the window's setup panel shows it. */
export interface ProviderSetup {
  provider: ProviderId;
  /** A real client ID is set up (in use now, or saved for the next start in sandbox mode). */
  configured: boolean;
  appClientId?: string;
  /** The client ID comes from TUNEBRIDGE_<PROVIDER>_CLIENT_ID: change it there, not here. */
  fromEnvironment?: boolean;
  /** TIDAL's fixed loopback port; absent for Spotify, which takes any port. */
  redirectPort?: number;
  redirectUri: string;
  dashboardUrl: string;
  note: string;
}

/**
 * The host's live provider runtimes, as the controller may change them. `host.ts` implements it
 * over the same `runtimes` object the accounts, token manager and proxy read.
 */
export interface ProviderRegistry {
  /** TUNEBRIDGE_<PROVIDER>_CLIENT_ID, which wins over a client ID saved in settings. */
  environmentClientId(provider: ProviderId): string | undefined;
  runtime(provider: ProviderId): ProviderRuntime | undefined;
  /** Builds the provider's runtime from these settings now, or drops it (`undefined`). */
  setRuntime(provider: ProviderId, settings: ProviderSettings | undefined): void;
}

/** Checks a config with the rules the window also applies; throws with a message for the person. */
export function validateProviderConfig(
  provider: ProviderId,
  config: ProviderConfig,
): ProviderConfig {
  const clientId = config.clientId.trim();
  const clientIdError = clientIdProblem(provider, clientId);
  if (clientIdError) throw new ProviderSetupError('invalid_client_id', clientIdError);
  if (config.redirectPort !== undefined) {
    const portError = redirectPortProblem(config.redirectPort);
    if (portError) throw new ProviderSetupError('invalid_redirect_port', portError);
  }
  return { clientId, redirectPort: config.redirectPort };
}

/** Refuses a change the environment would override anyway. */
export function assertNotFromEnvironment(registry: ProviderRegistry, provider: ProviderId): void {
  if (!registry.environmentClientId(provider)) return;
  const variable = `TUNEBRIDGE_${provider.toUpperCase()}_CLIENT_ID`;
  throw new ProviderSetupError(
    'set_by_environment',
    `${variable} is set where TuneBridge runs, and it wins over a client ID saved here. Change or remove it there, then restart TuneBridge.`,
  );
}

export function setupView(options: {
  provider: ProviderId;
  sandbox: boolean;
  registry: ProviderRegistry;
  saved: ProviderSettings | undefined;
}): ProviderSetup {
  const { provider, registry, saved } = options;
  // In sandbox mode the runtimes point at the local stand-ins, whose client IDs are not the person's.
  const live = options.sandbox ? undefined : registry.runtime(provider);
  const fromEnvironment = registry.environmentClientId(provider);
  const clientId = live?.oauth.clientId ?? fromEnvironment ?? saved?.clientId;
  // Spotify takes any port; 0 ("any free port") can't be registered with TIDAL's exact match.
  const redirectPort =
    provider === 'tidal'
      ? live?.oauth.redirectPort || saved?.redirectPort || DEFAULT_TIDAL_REDIRECT_PORT
      : undefined;
  return {
    provider,
    configured: clientId !== undefined,
    appClientId: clientId,
    ...(fromEnvironment ? { fromEnvironment: true } : {}),
    redirectPort,
    redirectUri: setupRedirectUri(provider, redirectPort),
    dashboardUrl: DASHBOARD_URLS[provider],
    note: setupNote(provider),
  };
}

export function setupViews(
  options: Omit<Parameters<typeof setupView>[0], 'provider' | 'saved'> & {
    saved: Partial<Record<ProviderId, ProviderSettings>>;
  },
): ProviderSetup[] {
  return ProviderId.options.map((provider) =>
    setupView({ ...options, provider, saved: options.saved[provider] }),
  );
}

/** The messages for a saved client ID: ready to connect, or a restart to leave sandbox mode. */
export function configuredMessage(provider: ProviderId, sandbox: boolean): ProviderConfigResult {
  const name = PROVIDER_NAMES[provider];
  return sandbox
    ? {
        restartRequired: true,
        message: `Saved. TuneBridge is running in sandbox mode, with stand-ins for Spotify and TIDAL: restart TuneBridge (quit it, then run \`npm start\`) to leave sandbox mode and connect your own ${name} account.`,
      }
    : {
        restartRequired: false,
        message: `Saved. ${name} is ready: connect your account.`,
      };
}

/** "app …1a2b": enough to recognise the app in the audit log, too little to look like a key. */
export function describeClientId(clientId: string): string {
  return `app …${clientId.slice(-4)}`;
}
