import type { EndpointRule } from '../endpoint-table.js';

const COLLECTION_KINDS = ['tracks', 'albums', 'artists', 'playlists'] as const;

/**
 * TIDAL API v2 operations reachable through the broker (THIRD_PARTY tier only), with the
 * third-party scopes each needs. The catalog needs no user scope (the spec lists only the legacy
 * `r_usr` for `GET /tracks`, which third-party apps are never granted).
 */
export const TIDAL_ENDPOINTS: readonly EndpointRule[] = [
  { method: 'GET', path: '/v2/users/me', scopes: ['user.read'] },
  { method: 'GET', path: '/v2/searchResults', scopes: ['search.read'] },

  // Catalog.
  { method: 'GET', path: '/v2/tracks', scopes: [] },
  { method: 'GET', path: '/v2/tracks/{id}', scopes: [] },
  { method: 'GET', path: '/v2/tracks/{id}/relationships/radio', scopes: [] },
  { method: 'GET', path: '/v2/tracks/{id}/relationships/similarTracks', scopes: [] },
  { method: 'GET', path: '/v2/albums/{id}', scopes: [] },
  { method: 'GET', path: '/v2/albums/{id}/relationships/items', scopes: [] },
  { method: 'GET', path: '/v2/artists/{id}', scopes: [] },
  { method: 'GET', path: '/v2/artists/{id}/relationships/tracks', scopes: [] },
  { method: 'GET', path: '/v2/artists/{id}/relationships/albums', scopes: [] },
  { method: 'GET', path: '/v2/artists/{id}/relationships/radio', scopes: [] },

  // Playlists.
  { method: 'GET', path: '/v2/playlists', scopes: ['playlists.read'] },
  { method: 'POST', path: '/v2/playlists', scopes: ['playlists.write'] },
  { method: 'GET', path: '/v2/playlists/{id}', scopes: ['playlists.read'] },
  { method: 'PATCH', path: '/v2/playlists/{id}', scopes: ['playlists.write'] },
  { method: 'GET', path: '/v2/playlists/{id}/relationships/items', scopes: ['playlists.read'] },
  { method: 'POST', path: '/v2/playlists/{id}/relationships/items', scopes: ['playlists.write'] },
  { method: 'PATCH', path: '/v2/playlists/{id}/relationships/items', scopes: ['playlists.write'] },
  { method: 'DELETE', path: '/v2/playlists/{id}/relationships/items', scopes: ['playlists.write'] },

  // Collection (favourites); `{id}` is the person's user id.
  ...COLLECTION_KINDS.flatMap((kind): EndpointRule[] => [
    {
      method: 'GET',
      path: `/v2/userCollections/{id}/relationships/${kind}`,
      scopes: ['collection.read'],
    },
    {
      method: 'POST',
      path: `/v2/userCollections/{id}/relationships/${kind}`,
      scopes: ['collection.write'],
    },
    {
      method: 'DELETE',
      path: `/v2/userCollections/{id}/relationships/${kind}`,
      scopes: ['collection.write'],
    },
  ]),

  // Mixes.
  { method: 'GET', path: '/v2/userRecommendations/{id}', scopes: ['recommendations.read'] },
];
