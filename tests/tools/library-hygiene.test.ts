import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { resourceText, seedSpotifyPlaylist } from './library-seed.js';
import { startTidalSession, type TidalSession } from './tidal-session.js';

const catalog = sandboxCatalog();
const keys = catalog.recordings.slice(0, 12).map((r) => r.key);
const key = (i: number) => keys[i] ?? '';

interface Duplicates {
  dryRun: boolean;
  duplicates: Array<{ position: number; reason: string; keepsPosition: number }>;
  removed: number;
}

describe('Spotify and TIDAL playlist hygiene, through the bridge', () => {
  let s: TidalSession;
  const spotifyKeys = (name: string) =>
    s.env.sandbox.spotify
      .state()
      .playlists.find((p) => p.name === name)
      ?.entries.map((e) => e.recordingKey);
  const tidalKeys = (name: string) =>
    s.env.sandbox.tidal
      .state()
      .playlists.find((p) => p.name === name)
      ?.entries.map((e) => e.recordingKey);

  beforeAll(async () => {
    s = await startTidalSession();
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it('finds duplicates in a dry run, refuses to remove them without “Change playlists”, then removes all but the first', async () => {
    const id = await seedSpotifyPlaylist(s.env, 'Doubles', [
      key(0),
      key(1),
      key(0),
      key(2),
      key(1),
      key(3),
      key(0),
    ]);
    const dry = await s.call<Duplicates>('spotify_remove_duplicates', { playlist_id: id });
    expect(dry.isError, dry.text).toBe(false);
    expect(dry.structured.dryRun).toBe(true);
    expect(dry.structured.duplicates.map((d) => [d.position, d.keepsPosition])).toEqual([
      [2, 0],
      [4, 1],
      [6, 0],
    ]);
    expect(spotifyKeys('Doubles')).toHaveLength(7);
    const refused = await s.call('spotify_remove_duplicates', { playlist_id: id, dry_run: false });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/Change playlists/);
    s.allow('playlists-write', 'playback');
    const done = await s.call<Duplicates>('spotify_remove_duplicates', {
      playlist_id: id,
      dry_run: false,
    });
    expect(done.isError, done.text).toBe(false);
    expect(done.structured.removed).toBe(3);
    expect(spotifyKeys('Doubles')).toEqual([key(0), key(1), key(2), key(3)]);
    expect(done.raw.structuredContent).toHaveProperty('receipts');
    const again = await s.call<Duplicates>('spotify_remove_duplicates', { playlist_id: id });
    expect(again.structured.duplicates).toEqual([]);
  });

  it('removes other releases of the same recording on TIDAL (same ISRC, another track id)', async () => {
    // TIDAL serves key(5) under key(4)'s ISRC: two releases of one recording.
    const isrc4 = catalog.recording(key(4)).isrc;
    s.tidal.setIsrcOverrides({ [key(5)]: isrc4 });
    const created = await s.call<{ playlist: { id: string } }>('tidal_create_playlist', {
      name: 'Releases',
    });
    const id = created.structured.playlist.id;
    const ids = [key(4), key(6), key(5), key(6), key(7)].map((k) => s.tidal.trackId(k));
    await s.call('tidal_add_to_playlist', { playlist_id: id, track_ids: ids });
    const byId = await s.call<Duplicates>('tidal_remove_duplicates', {
      playlist_id: id,
      match: 'id',
    });
    expect(byId.structured.duplicates.map((d) => d.position)).toEqual([3]);
    const byIsrc = await s.call<Duplicates>('tidal_remove_duplicates', {
      playlist_id: id,
      dry_run: false,
    });
    expect(byIsrc.isError, byIsrc.text).toBe(false);
    expect(byIsrc.structured.duplicates.map((d) => [d.position, d.reason])).toEqual([
      [2, 'same recording'],
      [3, 'same track'],
    ]);
    expect(tidalKeys('Releases')).toEqual([key(4), key(6), key(7)]);
    s.tidal.setIsrcOverrides({});
  });

  it('sorts by duration and by release date, dry run first', async () => {
    const order = [key(8), key(9), key(10), key(11), key(0)];
    const id = await seedSpotifyPlaylist(s.env, 'Unsorted', order);
    const byLength = [...order].sort(
      (a, b) => catalog.recording(a).durationMs - catalog.recording(b).durationMs,
    );
    const dry = await s.call<{ changed: boolean; firstTracks: Array<{ title: string }> }>(
      'spotify_sort_playlist',
      { playlist_id: id, by: 'duration' },
    );
    expect(dry.isError, dry.text).toBe(false);
    expect(dry.structured.firstTracks.map((t) => t.title)).toEqual(
      byLength.map((k) => catalog.recording(k).title),
    );
    expect(spotifyKeys('Unsorted')).toEqual(order);
    const done = await s.call('spotify_sort_playlist', {
      playlist_id: id,
      by: 'duration',
      dry_run: false,
    });
    expect(done.isError, done.text).toBe(false);
    expect(spotifyKeys('Unsorted')).toEqual(byLength);

    const created = await s.call<{ playlist: { id: string } }>('tidal_create_playlist', {
      name: 'Dates',
    });
    const tidalId = created.structured.playlist.id;
    await s.call('tidal_add_to_playlist', {
      playlist_id: tidalId,
      track_ids: order.map((k) => s.tidal.trackId(k)),
    });
    const released = (k: string) => catalog.album(catalog.recording(k).albumKey).releaseDate;
    const newest = [...order].sort((a, b) =>
      released(a) < released(b) ? 1 : released(a) > released(b) ? -1 : 0,
    );
    const sorted = await s.call('tidal_sort_playlist', {
      playlist_id: tidalId,
      by: 'release_date',
      descending: true,
      dry_run: false,
    });
    expect(sorted.isError, sorted.text).toBe(false);
    expect(tidalKeys('Dates')?.map(released)).toEqual(newest.map(released));
  });

  it('merges, intersects and differences playlists into new ones', async () => {
    const a = await seedSpotifyPlaylist(s.env, 'Set A', [key(0), key(1), key(2), key(3)]);
    const b = await seedSpotifyPlaylist(s.env, 'Set B', [key(2), key(3), key(4), key(2)]);
    const run = async (mode: string, name: string) => {
      const answer = await s.call<{ tracks: number }>('spotify_combine_playlists', {
        playlist_ids: [a, b],
        mode,
        name,
      });
      expect(answer.isError, answer.text).toBe(false);
      return spotifyKeys(name);
    };
    expect(await run('merge', 'A or B')).toEqual([key(0), key(1), key(2), key(3), key(4)]);
    expect(await run('intersect', 'A and B')).toEqual([key(2), key(3)]);
    expect(await run('difference', 'A not B')).toEqual([key(0), key(1)]);
    const tooFew = await s.call('tidal_combine_playlists', {
      playlist_ids: [a],
      mode: 'merge',
      name: 'x',
    });
    expect(tooFew.isError).toBe(true);
  });

  it('exports a playlist in four formats as an embedded resource', async () => {
    const id = await seedSpotifyPlaylist(s.env, 'To export', [key(0), key(1)]);
    const first = catalog.recording(key(0));
    for (const format of ['json', 'csv', 'm3u8', 'xspf']) {
      const answer = await s.call<{ tracks: number; mimeType: string }>('spotify_export', {
        playlist_id: id,
        format,
      });
      expect(answer.isError, answer.text).toBe(false);
      expect(answer.structured.tracks).toBe(2);
      const file = resourceText(answer.raw);
      expect(file.uri).toMatch(new RegExp(`^tunebridge://export/spotify/playlist/${id}/`));
      expect(file.text).toContain(first.title.replace(/&/g, format === 'xspf' ? '&amp;' : '&'));
      if (format !== 'm3u8') expect(file.text).toContain(first.isrc);
    }
    const liked = await s.call<{ source: { kind: string } }>('spotify_export', { format: 'json' });
    expect(liked.isError, liked.text).toBe(false);
    expect(liked.structured.source.kind).toBe('library');
  });

  it('turns the volume up and down by steps, within 0–100', async () => {
    const volume = () =>
      s.env.sandbox.spotify.state().devices.find((d) => d.key === 'laptop')?.volumePercent;
    await s.call('spotify_set_volume', { volume_percent: 50 });
    const up = await s.call<{ volume_percent: number }>('spotify_adjust_volume', { change: 15 });
    expect(up.isError, up.text).toBe(false);
    expect(volume()).toBe(65);
    const down = await s.call<{ from: number; volume_percent: number }>('spotify_adjust_volume', {
      change: -90,
    });
    expect(down.structured).toMatchObject({ from: 65, volume_percent: 0 });
    expect(volume()).toBe(0);
    expect((await s.call('spotify_adjust_volume', { change: 0 })).isError).toBe(true);
  });

  it('sent only requests the vendored specs describe', () => {
    expect(s.specProblems()).toEqual([]);
  });
});
