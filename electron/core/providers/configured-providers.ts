import type { ProviderId } from '../../../protocol/providers.js';
import type { ProviderEndpoints } from './provider-runtime.js';
import { SPOTIFY_DEFAULTS } from './spotify/spotify-provider.js';
import { TIDAL_DEFAULTS } from './tidal/tidal-provider.js';

export interface ProviderSettings {
  clientId?: string;
  redirectPort?: number;
}

/**
 * The real providers the person has set up, from the environment first and settings second.
 * A provider with no client ID is not configured; the URL overrides exist for staging servers and
 * for tests that run a sandbox in another process.
 */
export function configuredProviders(
  env: NodeJS.ProcessEnv,
  settings: Partial<Record<ProviderId, ProviderSettings>>,
): Partial<Record<ProviderId, ProviderEndpoints>> {
  const result: Partial<Record<ProviderId, ProviderEndpoints>> = {};
  const spotifyClientId = env.TUNEBRIDGE_SPOTIFY_CLIENT_ID || settings.spotify?.clientId;
  if (spotifyClientId) {
    result.spotify = {
      clientId: spotifyClientId,
      authorizeUrl: env.TUNEBRIDGE_SPOTIFY_AUTHORIZE_URL || SPOTIFY_DEFAULTS.authorizeUrl,
      tokenUrl: env.TUNEBRIDGE_SPOTIFY_TOKEN_URL || SPOTIFY_DEFAULTS.tokenUrl,
      apiBaseUrl: env.TUNEBRIDGE_SPOTIFY_API_URL || SPOTIFY_DEFAULTS.apiBaseUrl,
      redirectPort:
        port(env.TUNEBRIDGE_SPOTIFY_REDIRECT_PORT) ??
        settings.spotify?.redirectPort ??
        SPOTIFY_DEFAULTS.redirectPort,
    };
  }
  const tidalClientId = env.TUNEBRIDGE_TIDAL_CLIENT_ID || settings.tidal?.clientId;
  if (tidalClientId) {
    result.tidal = {
      clientId: tidalClientId,
      authorizeUrl: env.TUNEBRIDGE_TIDAL_AUTHORIZE_URL || TIDAL_DEFAULTS.authorizeUrl,
      tokenUrl: env.TUNEBRIDGE_TIDAL_TOKEN_URL || TIDAL_DEFAULTS.tokenUrl,
      apiBaseUrl: env.TUNEBRIDGE_TIDAL_API_URL || TIDAL_DEFAULTS.apiBaseUrl,
      redirectPort:
        port(env.TUNEBRIDGE_TIDAL_REDIRECT_PORT) ??
        settings.tidal?.redirectPort ??
        TIDAL_DEFAULTS.redirectPort,
    };
  }
  return result;
}

function port(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new Error(
      `"${value}" is not a port number (0–65535). Fix the TUNEBRIDGE_*_REDIRECT_PORT setting.`,
    );
  }
  return parsed;
}
