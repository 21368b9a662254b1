import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { startToolSession, type ToolSession } from './tool-session.js';

const TRACK_LINE = /^\d+\. .+ — .+ · \d+:\d\d · spotify:track:[0-9A-Za-z]{22}$/m;
const catalog = sandboxCatalog();

describe('Spotify library tools, through the bridge', () => {
  let s: ToolSession;

  beforeAll(async () => {
    s = await startToolSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lists liked songs, saved albums and followed artists', async () => {
    const tracks = await s.call<{ tracks: Array<{ uri: string }>; total: number }>(
      'spotify_get_saved_tracks',
      { limit: 5, offset: 1 },
    );
    expect(tracks.isError).toBe(false);
    expect(tracks.structured.total).toBe(25);
    expect(tracks.structured.tracks[0]?.uri).toBe(
      s.uri('track', s.state().savedTracks[1]?.recordingKey ?? ''),
    );
    expect(tracks.text).toMatch(/^2\. /m);
    expect(tracks.text).toMatch(TRACK_LINE);

    const albums = await s.call<{ albums: Array<{ uri: string }> }>('spotify_get_saved_albums');
    expect(albums.structured.albums.map((a) => a.uri)).toEqual(
      s.state().savedAlbums.map((a) => s.uri('album', a.albumKey)),
    );

    const first = await s.call<{ artists: Array<{ uri: string }>; after: string }>(
      'spotify_get_followed_artists',
      { limit: 5 },
    );
    expect(first.structured.artists).toHaveLength(5);
    expect(first.text).toMatch(/call again with after/);
    const rest = await s.call<{ artists: Array<{ uri: string }>; after?: string }>(
      'spotify_get_followed_artists',
      { limit: 5, after: first.structured.after },
    );
    expect(rest.structured.artists).toHaveLength(3);
    expect(rest.structured.after).toBeUndefined();
  });

  it('needs “Change library” to save, and validates URIs before sending', async () => {
    const uri = s.uri('track', catalog.recordings[600]?.key ?? '');
    const refused = await s.call('spotify_save_to_library', { uris: [uri] });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/Change library/);
    s.allow('library-write');

    const before = s.mark();
    const bad = await s.call('spotify_save_to_library', { uris: ['spotify:playlist:x'] });
    expect(bad.isError).toBe(true);
    expect(bad.text).toMatch(/is not valid/);
    expect(s.requestsSince(before)).toEqual([]);
  });

  it('saves and removes tracks and albums, 40 URIs per request', async () => {
    const tracks = catalog.recordings.slice(500, 546).map((r) => s.uri('track', r.key));
    const album = s.uri('album', catalog.albums[80]?.key ?? '');
    const uris = [...tracks, album];

    const preview = await s.call('spotify_save_to_library', { uris, dry_run: true });
    expect(preview.text).toMatch(/would save 46 tracks and 1 albums/);
    expect(s.state().savedTracks).toHaveLength(25);

    const before = s.mark();
    const saved = await s.call<{ requests: number }>('spotify_save_to_library', { uris });
    expect(saved.isError, saved.text).toBe(false);
    expect(saved.structured.requests).toBe(2);
    const saves = s.requestsSince(before).filter((r) => r.method === 'PUT');
    expect(saves.map((r) => r.query.uris?.split(',').length)).toEqual([40, 7]);
    const liked = () => new Set(s.state().savedTracks.map((t) => s.uri('track', t.recordingKey)));
    expect(tracks.every((uri) => liked().has(uri))).toBe(true);
    expect(s.state().savedAlbums.some((a) => s.uri('album', a.albumKey) === album)).toBe(true);

    const removed = await s.call('spotify_remove_from_library', { uris: [tracks[0], album] });
    expect(removed.isError).toBe(false);
    expect(liked().has(tracks[0] ?? '')).toBe(false);
    expect(s.state().savedAlbums.some((a) => s.uri('album', a.albumKey) === album)).toBe(false);

    const artist = s.uri('artist', catalog.artists[50]?.key ?? '');
    const refused = await s.call('spotify_save_to_library', { uris: [artist] });
    expect(refused.text).toMatch(/is not valid/);
  });

  it('checks saved items by reading the library when `contains` is closed, and says so', async () => {
    const savedTrack = s.uri('track', s.state().savedTracks[3]?.recordingKey ?? '');
    const unsaved = s.uri('track', catalog.recordings[1]?.key ?? '');
    const followed = s.uri('artist', s.state().followedArtists[0]?.artistKey ?? '');
    const uris = [savedTrack, unsaved, followed];

    const before = s.mark();
    const scanned = await s.call<{ results: Array<{ saved: boolean }>; method: string }>(
      'spotify_check_saved',
      { uris },
    );
    expect(scanned.isError).toBe(false);
    expect(scanned.structured.method).toBe('library-scan');
    expect(scanned.structured.results.map((r) => r.saved)).toEqual([true, false, true]);
    expect(scanned.text).toMatch(/read your library instead/);
    expect(s.requestsSince(before)[0]).toMatchObject({
      path: '/v1/me/library/contains',
      status: 403,
    });

    s.env.sandbox.spotify.setGating(false);
    try {
      const direct = await s.call<{ results: Array<{ saved: boolean }>; method: string }>(
        'spotify_check_saved',
        { uris },
      );
      expect(direct.structured.method).toBe('contains');
      expect(direct.structured.results.map((r) => r.saved)).toEqual([true, false, true]);
    } finally {
      s.env.sandbox.spotify.setGating(true);
    }
  });

  it('sent only requests the Spotify spec documents', () => {
    expect(s.specProblems()).toEqual([]);
  });

  // Last: a long Retry-After cools the whole provider down for this host.
  it('says when to retry after a long rate limit', async () => {
    s.env.sandbox.spotify.injectFaults([
      { status: 429, retryAfterSeconds: 7200, pathPrefix: '/v1/me/tracks' },
    ]);
    const answer = await s.call('spotify_get_saved_tracks');
    expect(answer.isError).toBe(true);
    expect(answer.text).toMatch(/rate limiting.*try again in 2 h/);
  });
});
