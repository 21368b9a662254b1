import type { EndpointRule } from '../endpoint-table.js';

/** Spotify Web API endpoints reachable through the broker, with the scopes each needs. */
export const SPOTIFY_ENDPOINTS: readonly EndpointRule[] = [
  // Catalog search needs no user scope, only a valid user token.
  { method: 'GET', path: '/v1/search', scopes: [] },
  { method: 'GET', path: '/v1/me', scopes: ['user-read-private'] },
];
