import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, specProblems, startSpotifyHarness, type SpotifyHarness } from './spotify-client.js';

describe('Spotify sandbox library, catalog and personal endpoints', () => {
  let h: SpotifyHarness;
  let track: { id: string; uri: string; albumId: string; artistId: string };

  beforeAll(async () => {
    h = await startSpotifyHarness();
    const found = await h.call(
      'GET',
      `/v1/search?${new URLSearchParams({ q: h.sandbox.spotify.sampleQuery, type: 'track', limit: '1' })}`,
    );
    const item = field(found.body, 'tracks', 'items', 0);
    track = {
      id: String(field(item, 'id')),
      uri: String(field(item, 'uri')),
      albumId: String(field(item, 'album', 'id')),
      artistId: String(field(item, 'artists', 0, 'id')),
    };
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    '/v1/me/tracks?limit=5&offset=1&market=GB',
    '/v1/me/albums?limit=2',
    '/v1/me/following?type=artist&limit=3',
    '/v1/me/top/tracks?time_range=short_term&limit=5',
    '/v1/me/top/artists?time_range=long_term',
  ])('serves %s as the spec describes', async (path) => {
    const answer = await h.call('GET', path);
    expect(answer.status).toBe(200);
    expect(specProblems(answer)).toEqual([]);
  });

  it('pages followed artists with an after cursor', async () => {
    const first = await h.call('GET', '/v1/me/following?type=artist&limit=3');
    const after = field(first.body, 'artists', 'cursors', 'after');
    expect(typeof after).toBe('string');
    const second = await h.call(
      'GET',
      `/v1/me/following?type=artist&limit=3&after=${String(after)}`,
    );
    expect(specProblems(second)).toEqual([]);
    expect(field(second.body, 'artists', 'items', 0, 'id')).not.toBe(
      field(first.body, 'artists', 'items', 0, 'id'),
    );
  });

  it('saves and removes with /me/library, scope by URI type', async () => {
    const uris = `${track.uri},spotify:album:${track.albumId}`;
    const saved = await h.call('PUT', `/v1/me/library?uris=${encodeURIComponent(uris)}`);
    expect(saved.status).toBe(200);
    expect(specProblems(saved)).toEqual([]);
    const state = h.sandbox.spotify.state();
    expect(state.savedTracks[0]?.addedAt).toBeDefined();
    const tracks = await h.call('GET', '/v1/me/tracks?limit=1');
    expect(field(tracks.body, 'items', 0, 'track', 'id')).toBe(track.id);

    const removed = await h.call('DELETE', `/v1/me/library?uris=${encodeURIComponent(uris)}`);
    expect(specProblems(removed)).toEqual([]);
    const after = await h.call('GET', '/v1/me/tracks?limit=1');
    expect(field(after.body, 'items', 0, 'track', 'id')).not.toBe(track.id);

    const followOnly = await h.tokenWith('user-follow-modify');
    const refused = await h.call('PUT', `/v1/me/library?uris=${encodeURIComponent(track.uri)}`, {
      token: followOnly,
    });
    expect(refused.status).toBe(403);
    expect(specProblems(refused)).toEqual([]);
    const tooMany = Array.from({ length: 41 }, () => track.uri).join(',');
    const bad = await h.call('PUT', `/v1/me/library?uris=${encodeURIComponent(tooMany)}`);
    expect(bad.status).toBe(400);
    expect(specProblems(bad)).toEqual([]);
  });

  it('serves albums, album tracks, artists and artist albums', async () => {
    for (const path of [
      `/v1/tracks/${track.id}?market=GB`,
      `/v1/albums/${track.albumId}`,
      `/v1/albums/${track.albumId}/tracks?limit=2`,
      `/v1/artists/${track.artistId}`,
      `/v1/artists/${track.artistId}/albums?include_groups=album,single&limit=10`,
    ]) {
      const answer = await h.call('GET', path);
      expect(answer.status, path).toBe(200);
      expect(specProblems(answer), path).toEqual([]);
    }
    const missing = await h.call('GET', '/v1/albums/0000000000000000000000');
    expect(missing.status).toBe(404);
  });
});
