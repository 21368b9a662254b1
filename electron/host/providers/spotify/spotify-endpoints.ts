import type { EndpointRule } from '../endpoint-table.js';

const READ_PLAYBACK = ['user-read-playback-state'];
const MODIFY_PLAYBACK = ['user-modify-playback-state'];
// Spotify asks for the public or the private scope depending on the playlist; the broker can't
// tell which from the path, so a change needs both (the "Change playlists" switch holds both).
const MODIFY_PLAYLIST = ['playlist-modify-public', 'playlist-modify-private'];
// `/me/library` takes URIs of several kinds, each under its own scope (from the spec): the
// broker reads the kinds from the `uris` query.
const MODIFY_LIBRARY = ['user-library-modify'];
const LIBRARY_SCOPE: Record<string, string> = {
  track: 'user-library-modify',
  album: 'user-library-modify',
  episode: 'user-library-modify',
  show: 'user-library-modify',
  audiobook: 'user-library-modify',
  playlist: 'playlist-modify-public',
  user: 'user-follow-modify',
};
function libraryScopes(query: Readonly<Record<string, string>>): string[] {
  const kinds = (query.uris ?? '').split(',').map((uri) => uri.split(':')[1] ?? '');
  const scopes = new Set(kinds.map((kind) => LIBRARY_SCOPE[kind] ?? 'user-library-modify'));
  return scopes.size > 0 ? [...scopes] : MODIFY_LIBRARY;
}

/**
 * Spotify Web API endpoints reachable through the broker, with the scopes each needs (from the
 * vendored spec). Only the February 2026 forms: `/playlists/{id}/items`, `POST /me/playlists`,
 * `/me/library`. The batch, top-tracks and `contains` endpoints are listed because tools try
 * them first and fall back when a registration gets 403.
 */
export const SPOTIFY_ENDPOINTS: readonly EndpointRule[] = [
  // Catalog search needs no user scope, only a valid user token.
  { method: 'GET', path: '/v1/search', scopes: [] },
  { method: 'GET', path: '/v1/me', scopes: ['user-read-private'] },

  // Player.
  { method: 'GET', path: '/v1/me/player', scopes: READ_PLAYBACK },
  { method: 'PUT', path: '/v1/me/player', scopes: MODIFY_PLAYBACK },
  { method: 'GET', path: '/v1/me/player/devices', scopes: READ_PLAYBACK },
  { method: 'PUT', path: '/v1/me/player/play', scopes: MODIFY_PLAYBACK },
  { method: 'PUT', path: '/v1/me/player/pause', scopes: MODIFY_PLAYBACK },
  { method: 'POST', path: '/v1/me/player/next', scopes: MODIFY_PLAYBACK },
  { method: 'POST', path: '/v1/me/player/previous', scopes: MODIFY_PLAYBACK },
  { method: 'PUT', path: '/v1/me/player/seek', scopes: MODIFY_PLAYBACK },
  { method: 'PUT', path: '/v1/me/player/volume', scopes: MODIFY_PLAYBACK },
  { method: 'PUT', path: '/v1/me/player/shuffle', scopes: MODIFY_PLAYBACK },
  { method: 'PUT', path: '/v1/me/player/repeat', scopes: MODIFY_PLAYBACK },
  {
    method: 'GET',
    path: '/v1/me/player/queue',
    scopes: ['user-read-currently-playing', 'user-read-playback-state'],
  },
  { method: 'POST', path: '/v1/me/player/queue', scopes: MODIFY_PLAYBACK },
  { method: 'GET', path: '/v1/me/player/recently-played', scopes: ['user-read-recently-played'] },

  // Playlists.
  { method: 'GET', path: '/v1/me/playlists', scopes: ['playlist-read-private'] },
  { method: 'POST', path: '/v1/me/playlists', scopes: MODIFY_PLAYLIST },
  // Not scope-free at the provider's end, but at ours: reading playlists is "Read library".
  { method: 'GET', path: '/v1/playlists/{playlist_id}', scopes: ['playlist-read-private'] },
  { method: 'PUT', path: '/v1/playlists/{playlist_id}', scopes: MODIFY_PLAYLIST },
  { method: 'GET', path: '/v1/playlists/{playlist_id}/items', scopes: ['playlist-read-private'] },
  { method: 'POST', path: '/v1/playlists/{playlist_id}/items', scopes: MODIFY_PLAYLIST },
  { method: 'PUT', path: '/v1/playlists/{playlist_id}/items', scopes: MODIFY_PLAYLIST },
  { method: 'DELETE', path: '/v1/playlists/{playlist_id}/items', scopes: MODIFY_PLAYLIST },

  // Library.
  { method: 'GET', path: '/v1/me/tracks', scopes: ['user-library-read'] },
  { method: 'GET', path: '/v1/me/albums', scopes: ['user-library-read'] },
  { method: 'GET', path: '/v1/me/following', scopes: ['user-follow-read'] },
  { method: 'PUT', path: '/v1/me/library', scopes: MODIFY_LIBRARY, scopesFor: libraryScopes },
  { method: 'DELETE', path: '/v1/me/library', scopes: MODIFY_LIBRARY, scopesFor: libraryScopes },
  {
    method: 'GET',
    path: '/v1/me/library/contains',
    scopes: ['user-library-read', 'user-follow-read'],
  },

  // Catalog.
  { method: 'GET', path: '/v1/tracks/{id}', scopes: [] },
  { method: 'GET', path: '/v1/albums/{id}', scopes: [] },
  { method: 'GET', path: '/v1/albums/{id}/tracks', scopes: [] },
  { method: 'GET', path: '/v1/artists/{id}', scopes: [] },
  { method: 'GET', path: '/v1/artists/{id}/albums', scopes: [] },
  { method: 'GET', path: '/v1/artists/{id}/top-tracks', scopes: [] },
  { method: 'GET', path: '/v1/tracks', scopes: [] },
  { method: 'GET', path: '/v1/albums', scopes: [] },
  { method: 'GET', path: '/v1/artists', scopes: [] },

  // Podcasts and audiobooks; resume points come with user-read-playback-position.
  { method: 'GET', path: '/v1/shows/{id}', scopes: ['user-read-playback-position'] },
  { method: 'GET', path: '/v1/shows/{id}/episodes', scopes: ['user-read-playback-position'] },
  { method: 'GET', path: '/v1/episodes/{id}', scopes: ['user-read-playback-position'] },
  { method: 'GET', path: '/v1/audiobooks/{id}', scopes: [] },
  { method: 'GET', path: '/v1/audiobooks/{id}/chapters', scopes: [] },
  { method: 'GET', path: '/v1/me/shows', scopes: ['user-library-read'] },
  {
    method: 'GET',
    path: '/v1/me/episodes',
    scopes: ['user-library-read', 'user-read-playback-position'],
  },
  { method: 'GET', path: '/v1/me/audiobooks', scopes: ['user-library-read'] },

  // Personal.
  { method: 'GET', path: '/v1/me/top/tracks', scopes: ['user-top-read'] },
  { method: 'GET', path: '/v1/me/top/artists', scopes: ['user-top-read'] },
];
