import { ProviderId } from '../../../protocol/providers.js';
import type { ProviderEndpoints } from './provider-runtime.js';
import { SPOTIFY_DEFAULTS } from './spotify/spotify-provider.js';
import { TIDAL_DEFAULTS } from './tidal/tidal-provider.js';

const DEFAULTS: Record<ProviderId, Omit<ProviderEndpoints, 'clientId'>> = {
  spotify: SPOTIFY_DEFAULTS,
  tidal: TIDAL_DEFAULTS,
};

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
  for (const provider of ProviderId.options) {
    const defaults = DEFAULTS[provider];
    const prefix = `TUNEBRIDGE_${provider.toUpperCase()}_`;
    const clientId = env[`${prefix}CLIENT_ID`] || settings[provider]?.clientId;
    if (!clientId) continue;
    result[provider] = {
      clientId,
      authorizeUrl: env[`${prefix}AUTHORIZE_URL`] || defaults.authorizeUrl,
      tokenUrl: env[`${prefix}TOKEN_URL`] || defaults.tokenUrl,
      apiBaseUrl: env[`${prefix}API_URL`] || defaults.apiBaseUrl,
      redirectPort:
        port(env[`${prefix}REDIRECT_PORT`]) ??
        settings[provider]?.redirectPort ??
        defaults.redirectPort,
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
