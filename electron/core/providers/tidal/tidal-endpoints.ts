import type { EndpointRule } from '../endpoint-table.js';

/** TIDAL API v2 operations reachable through the broker (THIRD_PARTY tier only). */
export const TIDAL_ENDPOINTS: readonly EndpointRule[] = [
  { method: 'GET', path: '/v2/users/me', scopes: ['user.read'] },
  { method: 'GET', path: '/v2/searchResults/{id}', scopes: ['search.read'] },
];
