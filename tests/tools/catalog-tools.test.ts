import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { startToolSession, type ToolSession } from './tool-session.js';

const TRACK_LINE = /^\d+\. .+ — .+ · \d+:\d\d · spotify:track:[0-9A-Za-z]{22}$/m;
const catalog = sandboxCatalog();
const UNKNOWN = 'A'.repeat(22);

describe('Spotify catalog tools, through the bridge', () => {
  let s: ToolSession;

  beforeAll(async () => {
    s = await startToolSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('gets a track by URI or ID, and says when there is none', async () => {
    const recording = catalog.recordings[10];
    const uri = s.uri('track', recording?.key ?? '');
    const byUri = await s.call<{ track: { name: string; uri: string } }>('spotify_get_track', {
      track_id: uri,
    });
    expect(byUri.isError).toBe(false);
    expect(byUri.structured.track).toMatchObject({ name: recording?.title, uri });
    expect(byUri.text).toMatch(TRACK_LINE);
    const byId = await s.call('spotify_get_track', { track_id: uri.slice(-22) });
    expect(byId.structured).toEqual(byUri.structured);

    const missing = await s.call('spotify_get_track', { track_id: UNKNOWN });
    expect(missing.isError).toBe(true);
    expect(missing.text).toMatch(/has no track with ID/);
  });

  it('gets an album with all its tracks', async () => {
    const album = catalog.albums[3];
    const answer = await s.call<{ album: { name: string }; tracks: Array<{ uri: string }> }>(
      'spotify_get_album',
      { album_id: s.uri('album', album?.key ?? '') },
    );
    expect(answer.isError).toBe(false);
    expect(answer.structured.album.name).toBe(album?.name);
    expect(answer.structured.tracks.map((t) => t.uri)).toEqual(
      album?.recordingKeys.map((key) => s.uri('track', key)),
    );
    expect(answer.text).toMatch(TRACK_LINE);

    const bad = await s.call('spotify_get_album', { album_id: 'spotify:track:' + UNKNOWN });
    expect(bad.isError).toBe(true);
    expect(bad.text).toMatch(/is not valid/);
  });

  it('gets an artist, finding popular tracks by search when top-tracks is closed', async () => {
    const artist = catalog.artists[0];
    const artistUri = s.uri('artist', artist?.key ?? '');
    const before = s.mark();
    const answer = await s.call<{
      artist: { name: string };
      topTracks: Array<{ artists: string[] }>;
      albums: unknown[];
      notes: string[];
    }>('spotify_get_artist', { artist_id: artistUri });
    expect(answer.isError).toBe(false);
    expect(answer.structured.artist.name).toBe(artist?.name);
    expect(answer.structured.topTracks.length).toBeGreaterThan(0);
    for (const track of answer.structured.topTracks) {
      expect(track.artists).toContain(artist?.name);
    }
    expect(answer.structured.albums.length).toBeGreaterThan(0);
    expect(answer.structured.notes.join(' ')).toMatch(/best search matches/);
    const topTracks = s.requestsSince(before).find((r) => r.path.endsWith('/top-tracks'));
    expect(topTracks?.status).toBe(403);

    s.env.sandbox.spotify.setGating(false);
    try {
      const open = await s.call<{ topTracks: unknown[]; notes: string[] }>('spotify_get_artist', {
        artist_id: artistUri,
      });
      expect(open.structured.notes).toEqual([]);
      expect(open.structured.topTracks.length).toBeGreaterThan(0);
    } finally {
      s.env.sandbox.spotify.setGating(true);
    }

    const missing = await s.call('spotify_get_artist', { artist_id: UNKNOWN });
    expect(missing.isError).toBe(true);
    expect(missing.text).toMatch(/has no artist with ID/);
  });

  it('gets several items one by one when the batch endpoints are closed, and says so', async () => {
    const tracks = catalog.recordings.slice(20, 22).map((r) => s.uri('track', r.key));
    const album = s.uri('album', catalog.albums[5]?.key ?? '');
    const artist = s.uri('artist', catalog.artists[7]?.key ?? '');
    const unknown = `spotify:track:${UNKNOWN}`;
    const uris = [...tracks, album, artist, unknown];
    const answer = await s.call<{
      tracks: Array<{ uri: string }>;
      albums: Array<{ uri: string }>;
      artists: Array<{ uri: string }>;
      notFound: string[];
      notes: string[];
    }>('spotify_get_several', { uris });
    expect(answer.isError).toBe(false);
    expect(answer.structured.tracks.map((t) => t.uri)).toEqual(tracks);
    expect(answer.structured.albums.map((a) => a.uri)).toEqual([album]);
    expect(answer.structured.artists.map((a) => a.uri)).toEqual([artist]);
    expect(answer.structured.notFound).toEqual([unknown]);
    expect(answer.text).toMatch(/asked for each one separately/);

    s.env.sandbox.spotify.setGating(false);
    try {
      const before = s.mark();
      const batched = await s.call<{ tracks: unknown[]; notes: string[] }>('spotify_get_several', {
        uris: tracks,
      });
      expect(batched.structured.tracks).toHaveLength(2);
      expect(batched.structured.notes).toEqual([]);
      expect(s.requestsSince(before).map((r) => `${r.path} ${r.status}`)).toEqual([
        '/v1/tracks 200',
      ]);
    } finally {
      s.env.sandbox.spotify.setGating(true);
    }

    const tooMany = await s.call('spotify_get_several', { uris: Array(51).fill(tracks[0]) });
    expect(tooMany.text).toMatch(/is not valid/);
  });

  it('sent only requests the Spotify spec documents', () => {
    expect(s.specProblems()).toEqual([]);
  });
});
