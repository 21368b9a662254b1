import * as z from 'zod';
import { PermissionGroup } from '../../../../protocol/policy.js';
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

/**
 * The Spotify scopes each permission group's tools need, and so what a login asks for: nothing
 * beyond them. `tests/tools/scopes.test.ts` checks this table against every tool's declared
 * scopes both ways (each needed scope is here, and each scope here is needed by a tool of the
 * group), and that each sits inside `SCOPES_BY_GROUP` for the group.
 */
export const SPOTIFY_SCOPES_BY_TOOL_GROUP: Record<PermissionGroup, readonly string[]> = {
  read: [
    'user-read-private',
    'user-read-email',
    'user-library-read',
    'user-follow-read',
    'user-top-read',
    'user-read-recently-played',
    'user-read-playback-position',
    'playlist-read-private',
    'user-read-playback-state',
    'user-read-currently-playing',
  ],
  playback: ['user-modify-playback-state', 'user-read-playback-state'],
  'library-write': ['user-library-modify'],
  'playlists-write': ['playlist-modify-public', 'playlist-modify-private', 'playlist-read-private'],
};

/**
 * What a Spotify login asks for: the scopes of the enabled tool groups (all by default). Read is
 * always asked for: the login reads the profile, and every assistant starts with it.
 */
export function spotifyLoginScopes(
  groups: readonly PermissionGroup[] = PermissionGroup.options,
): string[] {
  const enabled = new Set<PermissionGroup>(['read', ...groups]);
  return [
    ...new Set(
      PermissionGroup.options
        .filter((group) => enabled.has(group))
        .flatMap((group) => SPOTIFY_SCOPES_BY_TOOL_GROUP[group]),
    ),
  ];
}

export function spotifyProvider(
  endpoints: ProviderEndpoints,
  options: { groups?: readonly PermissionGroup[] } = {},
): ProviderRuntime {
  const scopes = spotifyLoginScopes(options.groups);
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
