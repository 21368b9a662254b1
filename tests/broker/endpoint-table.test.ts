import { describe, expect, it } from 'vitest';
import { EndpointTable } from '../../electron/host/providers/endpoint-table.js';

const table = new EndpointTable([
  { method: 'GET', path: '/v1/search', scopes: [] },
  {
    method: 'POST',
    path: '/v1/playlists/{playlist_id}/items',
    scopes: ['playlist-modify-private'],
  },
]);

describe('endpoint table', () => {
  it('matches reviewed endpoints and their templates', () => {
    expect(table.match('GET', '/v1/search')?.scopes).toEqual([]);
    expect(table.match('POST', '/v1/playlists/3cEYpjA9oz9GiPac4AsH4n/items')?.scopes).toEqual([
      'playlist-modify-private',
    ]);
  });

  it('refuses other methods, paths and anything that could be read another way upstream', () => {
    for (const [method, path] of [
      ['DELETE', '/v1/search'],
      ['GET', '/v1/me/player'],
      ['POST', '/v1/playlists/../me/items'],
      ['POST', '/v1/playlists/a%2Fb/items'],
      ['POST', '/v1/playlists//items'],
      ['GET', '/v1/search/'],
      ['GET', 'https://evil.example/v1/search'],
    ] as const) {
      expect(table.match(method, path), `${method} ${path}`).toBeUndefined();
    }
  });
});
