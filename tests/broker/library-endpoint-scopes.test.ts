import { describe, expect, it } from 'vitest';
import { EndpointTable } from '../../electron/host/providers/endpoint-table.js';
import { SPOTIFY_ENDPOINTS } from '../../electron/host/providers/spotify/spotify-endpoints.js';

const table = new EndpointTable(SPOTIFY_ENDPOINTS);
const scopes = (method: string, uris: string) =>
  [...(table.match(method, '/v1/me/library', { uris })?.scopes ?? [])].sort();

describe('Spotify /me/library scopes follow the kinds of URI named', () => {
  it('asks the library scope for tracks, albums and podcasts, the playlist scope for playlists', () => {
    expect(scopes('PUT', 'spotify:track:a,spotify:album:b,spotify:episode:c')).toEqual([
      'user-library-modify',
    ]);
    expect(scopes('DELETE', 'spotify:playlist:p')).toEqual(['playlist-modify-public']);
    expect(scopes('PUT', 'spotify:playlist:p,spotify:track:a,spotify:user:u')).toEqual([
      'playlist-modify-public',
      'user-follow-modify',
      'user-library-modify',
    ]);
  });

  it('falls back on the library scope for an empty or unknown query', () => {
    expect(scopes('PUT', '')).toEqual(['user-library-modify']);
    expect(table.match('PUT', '/v1/me/library')?.scopes).toEqual(['user-library-modify']);
    expect(scopes('PUT', 'spotify:martian:x')).toEqual(['user-library-modify']);
  });
});
