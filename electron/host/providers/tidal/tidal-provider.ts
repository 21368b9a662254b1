import * as z from 'zod';
import { SCOPES_BY_GROUP } from '../../../../protocol/policy.js';
import { TuneBridgeError } from '../../errors.js';
import { EndpointTable } from '../endpoint-table.js';
import type { ProviderEndpoints, ProviderRuntime } from '../provider-runtime.js';
import { TIDAL_ENDPOINTS } from './tidal-endpoints.js';

export const TIDAL_DEFAULTS = {
  authorizeUrl: 'https://login.tidal.com/authorize',
  tokenUrl: 'https://auth.tidal.com/v1/oauth2/token',
  apiBaseUrl: 'https://openapi.tidal.com',
  // TIDAL matches redirect URIs exactly, so the port must be the one registered in its dashboard.
  redirectPort: 8765,
} as const;

const TidalMe = z.object({
  data: z.object({
    id: z.string(),
    attributes: z
      .object({ username: z.string().optional(), country: z.string().optional() })
      .optional(),
  }),
});

export function tidalProvider(endpoints: ProviderEndpoints): ProviderRuntime {
  const scopes = [...new Set(Object.values(SCOPES_BY_GROUP.tidal).flat())];
  return {
    id: 'tidal',
    oauth: {
      provider: 'tidal',
      clientId: endpoints.clientId,
      authorizeUrl: endpoints.authorizeUrl,
      tokenUrl: endpoints.tokenUrl,
      scopes,
      redirectPort: endpoints.redirectPort,
    },
    apiBaseUrl: endpoints.apiBaseUrl,
    endpoints: new EndpointTable(TIDAL_ENDPOINTS),
    async fetchProfile(accessToken, fetch) {
      const response = await fetch(`${endpoints.apiBaseUrl}/v2/users/me`, {
        headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/vnd.api+json' },
      });
      if (!response.ok) {
        throw new TuneBridgeError(
          'profile_unavailable',
          `TIDAL did not return your profile (HTTP ${response.status}). Try logging in again.`,
        );
      }
      const me = TidalMe.parse(await response.json());
      return {
        accountId: me.data.id,
        displayName: me.data.attributes?.username ?? me.data.id,
        country: me.data.attributes?.country,
      };
    },
  };
}
