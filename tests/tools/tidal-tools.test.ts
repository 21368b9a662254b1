import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { startTidalSession, type TidalSession } from './tidal-session.js';

const catalog = sandboxCatalog();
const TRACK_LINE = /^\d+\. .+ — .+ · \d+:\d\d · tidal track \d+/m;

describe('TIDAL tools, through the bridge', () => {
  let s: TidalSession;
  const track = catalog.recordings[0];
  const album = catalog.albums[0];
  const artist = catalog.artists[0];

  beforeAll(async () => {
    s = await startTidalSession();
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it('searches with filter[query] and the person’s country', async () => {
    const found = await s.call<{ tracks: Array<{ id: string }> }>('tidal_search', {
      query: track?.title,
      kinds: ['tracks', 'albums', 'artists', 'playlists', 'topHits'],
    });
    expect(found.isError, found.text).toBe(false);
    expect(found.structured.tracks[0]?.id).toBe(s.tidal.trackId(track?.key ?? ''));
    expect(found.text).toMatch(TRACK_LINE);
    const sent = s.env.sandbox.tidal.requests.find((r) => r.path === '/v2/searchResults');
    expect(sent?.query).toMatchObject({ countryCode: 'GB' });
    expect((await s.call('tidal_search', { query: '' })).isError).toBe(true);
  });

  it('reads tracks, albums with items, artists, radios and similar tracks', async () => {
    const t = await s.call<{ track: { isrc: string } }>('tidal_get_track', {
      track_id: `https://tidal.com/browse/track/${s.tidal.trackId(track?.key ?? '')}`,
    });
    expect(t.isError, t.text).toBe(false);
    expect(t.structured.track.isrc).toBe(track?.isrc);
    const a = await s.call<{ tracks: unknown[] }>('tidal_get_album', {
      album_id: s.tidal.albumId(album?.key ?? ''),
    });
    expect(a.isError, a.text).toBe(false);
    expect(a.structured.tracks).toHaveLength(album?.recordingKeys.length ?? -1);
    const ar = await s.call<{ topTracks: unknown[]; albums: unknown[] }>('tidal_get_artist', {
      artist_id: s.tidal.artistId(artist?.key ?? ''),
    });
    expect(ar.isError, ar.text).toBe(false);
    expect(ar.structured.topTracks.length).toBeGreaterThan(0);
    expect(ar.structured.albums.length).toBeGreaterThan(0);
    for (const [tool, args] of [
      ['tidal_get_track_radio', { track_id: s.tidal.trackId(track?.key ?? '') }],
      ['tidal_get_artist_radio', { artist_id: s.tidal.artistId(artist?.key ?? '') }],
      ['tidal_get_similar_tracks', { track_id: s.tidal.trackId(track?.key ?? '') }],
    ] as const) {
      const r = await s.call<{ tracks: unknown[] }>(tool, args);
      expect(r.isError, `${tool}: ${r.text}`).toBe(false);
      expect(r.structured.tracks.length).toBeGreaterThan(0);
    }
    const missing = await s.call('tidal_get_track', { track_id: '99999999' });
    expect(missing.isError).toBe(true);
    expect(missing.text).toMatch(/could not find.*tidal_search/);
    expect((await s.call('tidal_get_album', { album_id: 'abc' })).isError).toBe(true);
  });

  it('lists mixes and reads one as a playlist', async () => {
    const mixes = await s.call<{ myMixes: Array<{ id: string }> }>('tidal_get_mixes');
    expect(mixes.isError, mixes.text).toBe(false);
    const mixId = mixes.structured.myMixes[0]?.id ?? '';
    const mix = await s.call<{ items: unknown[] }>('tidal_get_playlist', { playlist_id: mixId });
    expect(mix.isError, mix.text).toBe(false);
    expect(mix.structured.items.length).toBeGreaterThan(0);
  });

  it('changes the collection only with “Change library”', async () => {
    const id = s.tidal.trackId(catalog.recordings[40]?.key ?? '');
    const refused = await s.call('tidal_add_to_collection', { kind: 'tracks', ids: [id] });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/Change library/);
    s.allow('library-write', 'playlists-write');
    const added = await s.call('tidal_add_to_collection', { kind: 'tracks', ids: [id] });
    expect(added.isError, added.text).toBe(false);
    const list = await s.call<{ tracks: Array<{ id: string }> }>('tidal_get_collection', {
      kind: 'tracks',
    });
    expect(list.structured.tracks[0]?.id).toBe(id);
    for (const kind of ['albums', 'artists', 'playlists']) {
      const other = await s.call('tidal_get_collection', { kind });
      expect(other.isError, other.text).toBe(false);
    }
    const removed = await s.call('tidal_remove_from_collection', { kind: 'tracks', ids: [id] });
    expect(removed.isError, removed.text).toBe(false);
    expect(
      s.env.sandbox.tidal
        .state()
        .savedTracks.some((e) => e.recordingKey === catalog.recordings[40]?.key),
    ).toBe(false);
    const unknown = await s.call('tidal_add_to_collection', { kind: 'albums', ids: ['12'] });
    expect(unknown.isError).toBe(true);
  });

  it('creates, fills (in chunks of 50), reads, reorders, renames and trims a playlist', async () => {
    const created = await s.call<{ playlist: { id: string } }>('tidal_create_playlist', {
      name: 'Long one',
    });
    expect(created.isError, created.text).toBe(false);
    const id = created.structured.playlist.id;
    const ids = catalog.recordings.slice(0, 120).map((r) => s.tidal.trackId(r.key));
    const added = await s.call<{ requests: number }>('tidal_add_to_playlist', {
      playlist_id: id,
      track_ids: ids,
    });
    expect(added.isError, added.text).toBe(false);
    expect(added.structured.requests).toBe(3);
    const read = await s.call<{ items: Array<{ id: string; itemId: string }>; truncated: boolean }>(
      'tidal_get_playlist',
      { playlist_id: id },
    );
    expect(read.structured.items.map((i) => i.id)).toEqual(ids);
    expect(read.structured.truncated).toBe(false);
    const moved = await s.call('tidal_reorder_playlist', {
      playlist_id: id,
      range_start: 5,
      insert_before: 0,
    });
    expect(moved.isError, moved.text).toBe(false);
    expect(
      s.env.sandbox.tidal.state().playlists.find((p) => p.name === 'Long one')?.entries[0]
        ?.recordingKey,
    ).toBe(catalog.recordings[5]?.key);
    const bad = await s.call('tidal_reorder_playlist', {
      playlist_id: id,
      range_start: 5,
      insert_before: 500,
    });
    expect(bad.isError).toBe(true);
    const renamed = await s.call('tidal_update_playlist_details', {
      playlist_id: id,
      name: 'Shorter',
    });
    expect(renamed.isError, renamed.text).toBe(false);
    const removed = await s.call<{ removed: number }>('tidal_remove_from_playlist', {
      playlist_id: id,
      track_ids: ids.slice(0, 3),
    });
    expect(removed.structured.removed).toBe(3);
    const mine = await s.call<{ playlists: Array<{ name: string }> }>('tidal_list_my_playlists');
    expect(mine.structured.playlists[0]?.name).toBe('Shorter');
    const notMine = await s.call('tidal_add_to_playlist', {
      playlist_id: s.tidal.playlistId(catalog.playlists[0]?.key ?? ''),
      track_ids: [ids[0]],
    });
    expect(notMine.isError).toBe(true);
  });

  it('reports TIDAL rate limiting with when to try again', async () => {
    s.tidal.setRateLimit({ burst: 0, replenishPerSecond: 0.01 });
    const limited = await s.call('tidal_get_mixes');
    s.tidal.setRateLimit(undefined);
    expect(limited.isError).toBe(true);
    expect(limited.text).toMatch(/rate limiting.*try again in/);
    const r = s.env.sandbox.tidal.requests.findLast((q) => q.status === 429);
    expect(r).toBeDefined();
  });

  it('sent only requests the vendored specs describe', () => {
    expect(s.specProblems()).toEqual([]);
  });
});
