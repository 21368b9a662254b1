import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, specProblems, startSpotifyHarness, type SpotifyHarness } from './spotify-client.js';

describe('Spotify sandbox registration gating and random faults', () => {
  let h: SpotifyHarness;
  let ids: { track: string; album: string; artist: string };

  beforeAll(async () => {
    h = await startSpotifyHarness();
    const found = await h.call(
      'GET',
      `/v1/search?${new URLSearchParams({ q: h.sandbox.spotify.sampleQuery, type: 'track', limit: '1' })}`,
    );
    ids = {
      track: String(field(found.body, 'tracks', 'items', 0, 'id')),
      album: String(field(found.body, 'tracks', 'items', 0, 'album', 'id')),
      artist: String(field(found.body, 'tracks', 'items', 0, 'artists', 0, 'id')),
    };
  });
  afterAll(async () => {
    await h?.close();
  });

  const gated = () => [
    `/v1/tracks?ids=${ids.track}`,
    `/v1/albums?ids=${ids.album}`,
    `/v1/artists?ids=${ids.artist}`,
    `/v1/artists/${ids.artist}/top-tracks?market=GB`,
    `/v1/me/library/contains?uris=spotify:track:${ids.track}`,
    `/v1/me/tracks/contains?ids=${ids.track}`,
    `/v1/me/albums/contains?ids=${ids.album}`,
    `/v1/me/following/contains?type=artist&ids=${ids.artist}`,
    '/v1/users/sandbox-listener',
    '/v1/users/sandbox-listener/playlists',
    '/v1/browse/new-releases',
    '/v1/browse/featured-playlists',
    '/v1/browse/categories',
    '/v1/markets',
  ];

  it('answers 403 on closed endpoints, and 404 on recommendations, by default', async () => {
    for (const path of gated()) {
      const answer = await h.call('GET', path);
      expect(answer.status, path).toBe(403);
      expect(specProblems(answer), path).toEqual([]);
    }
    const recommendations = await h.call('GET', `/v1/recommendations?seed_tracks=${ids.track}`);
    expect(recommendations.status).toBe(404);
    expect(field(recommendations.body, 'error', 'status')).toBe(404);
  });

  it('serves them as the spec describes once gating is off', async () => {
    h.sandbox.spotify.setGating(false);
    try {
      for (const path of [...gated(), `/v1/recommendations?seed_tracks=${ids.track}&limit=5`]) {
        const answer = await h.call('GET', path);
        expect(answer.status, path).toBe(200);
        expect(specProblems(answer), path).toEqual([]);
      }
    } finally {
      h.sandbox.spotify.setGating(true);
    }
  });

  it('fails roughly the requested share of API requests, the same ones for the same seed', async () => {
    const run = async () => {
      h.sandbox.spotify.setRandomFaults({
        share: 0.3,
        statuses: [429, 503],
        retryAfterSeconds: 1,
        seed: 42,
      });
      const statuses: number[] = [];
      for (let index = 0; index < 200; index += 1) {
        const answer = await h.call('GET', '/v1/me/player/devices');
        statuses.push(answer.status);
        if (answer.status === 429) {
          expect(answer.headers.get('retry-after')).toBe('1');
          expect(specProblems(answer)).toEqual([]);
        }
      }
      h.sandbox.spotify.setRandomFaults(undefined);
      return statuses;
    };
    const first = await run();
    const failed = first.filter((status) => status !== 200).length;
    expect(failed).toBeGreaterThan(40);
    expect(failed).toBeLessThan(80);
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
    expect(await run()).toEqual(first);
    // OAuth is never faulted.
    expect((await h.call('GET', '/v1/me/player/devices')).status).toBe(200);
  });
});

describe('Spotify sandbox started without gating', () => {
  let h: SpotifyHarness;
  beforeAll(async () => {
    h = await startSpotifyHarness({ spotifyGating: false });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves /markets', async () => {
    const answer = await h.call('GET', '/v1/markets');
    expect(answer.status).toBe(200);
    expect(specProblems(answer)).toEqual([]);
  });
});
