import { z } from 'zod';
import { SCOPES_BY_GROUP } from '../../../../protocol/policy.js';
import { TuneBridgeError } from '../../errors.js';
import { EndpointTable } from '../endpoint-table.js';
import type { ProviderEndpoints, ProviderRuntime } from '../provider-runtime.js';
import { SPOTIFY_ENDPOINTS } from './spotify-endpoints.js';

export const SPOTIFY_DEFAULTS = {
  authorizeUrl: 'https://accounts.spotify.com/authorize',
  tokenUrl: 'https://accounts.spotify.com/api/token',
  apiBaseUrl: 'https://api.spotify.com',
  // Spotify accepts any port on the 127.0.0.1 literal for loopback redirects.
  redirectPort: 0,
} as const;

const SpotifyMe = z.object({
  id: z.string(),
  display_name: z.string().nullable().optional(),
  product: z.string().optional(),
  country: z.string().optional(),
});

export function spotifyProvider(endpoints: ProviderEndpoints): ProviderRuntime {
  const scopes = [...new Set(Object.values(SCOPES_BY_GROUP.spotify).flat())];
  return {
    id: 'spotify',
    oauth: {
      provider: 'spotify',
      clientId: endpoints.clientId,
      authorizeUrl: endpoints.authorizeUrl,
      tokenUrl: endpoints.tokenUrl,
      scopes,
      redirectPort: endpoints.redirectPort,
    },
    apiBaseUrl: endpoints.apiBaseUrl,
    endpoints: new EndpointTable(SPOTIFY_ENDPOINTS),
    async fetchProfile(accessToken, fetch) {
      const response = await fetch(`${endpoints.apiBaseUrl}/v1/me`, {
        headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
      });
      if (!response.ok) {
        throw new TuneBridgeError(
          'profile_unavailable',
          `Spotify did not return your profile (HTTP ${response.status}). Try logging in again.`,
        );
      }
      const me = SpotifyMe.parse(await response.json());
      return {
        accountId: me.id,
        displayName: me.display_name ?? me.id,
        product: me.product,
        country: me.country,
      };
    },
  };
}
