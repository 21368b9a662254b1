import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { resourceText, seedSpotifyPlaylist } from './library-seed.js';
import { startTidalSession, type TidalSession } from './tidal-session.js';

const catalog = sandboxCatalog();
const keys = catalog.recordings.slice(20, 60).map((r) => r.key);

interface ImportReport {
  read: number;
  matched: Array<{ title: string }>;
  fuzzyMatched: Array<{ title: string }>;
  missing: Array<{ title: string }>;
  added: number;
  playlist?: { id: string };
}

interface SyncReport {
  dryRun: boolean;
  toAdd: number;
  toRemove: Array<{ trackId: string }>;
  missing: Array<{ title: string }>;
  inStep: boolean;
}

describe('import and sync_playlist, through the bridge', () => {
  let s: TidalSession;
  const tidalKeys = (name: string) =>
    s.env.sandbox.tidal
      .state()
      .playlists.find((p) => p.name === name)
      ?.entries.map((e) => e.recordingKey);
  const spotifyKeys = (name: string) =>
    s.env.sandbox.spotify
      .state()
      .playlists.find((p) => p.name === name)
      ?.entries.map((e) => e.recordingKey);

  beforeAll(async () => {
    s = await startTidalSession();
    s.allow('playlists-write');
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it('imports a Spotify XSPF export into TIDAL, matching every track by ISRC', async () => {
    const id = await seedSpotifyPlaylist(s.env, 'Round trip', keys.slice(0, 10));
    const exported = await s.call('spotify_export', { playlist_id: id, format: 'xspf' });
    const { text } = resourceText(exported.raw);
    const report = await s.call<ImportReport>('tidal_import_playlist', {
      text,
      name: 'From XSPF',
    });
    expect(report.isError, report.text).toBe(false);
    expect(report.structured.matched).toHaveLength(10);
    expect(tidalKeys('From XSPF')).toEqual(keys.slice(0, 10));
  });

  it('imports CSV without ISRCs by title, artists and length, and reports what it could not find', async () => {
    const row = (k: string) => {
      const r = catalog.recording(k);
      const artists = r.artistKeys.map((a) => catalog.artist(a).name).join('; ');
      return `"${r.title.replace(/"/g, '""')}","${artists}",${Math.round(r.durationMs / 1000)}`;
    };
    const csv = [
      'Track Name,Artist,Duration',
      row(keys[10] ?? ''),
      row(keys[11] ?? ''),
      '"No Such Song Anywhere","Nobody At All",200',
    ].join('\n');
    const dry = await s.call<ImportReport>('spotify_import_playlist', {
      text: csv,
      name: 'From CSV',
      dry_run: true,
    });
    expect(dry.isError, dry.text).toBe(false);
    expect(dry.structured.playlist).toBeUndefined();
    expect(spotifyKeys('From CSV')).toBeUndefined();
    const done = await s.call<ImportReport>('spotify_import_playlist', {
      text: csv,
      name: 'From CSV',
    });
    expect(done.structured.fuzzyMatched.map((t) => t.title)).toEqual(
      [keys[10], keys[11]].map((k) => catalog.recording(k ?? '').title),
    );
    expect(done.structured.missing.map((t) => t.title)).toEqual(['No Such Song Anywhere']);
    expect(spotifyKeys('From CSV')).toEqual([keys[10], keys[11]]);
    const empty = await s.call('tidal_import_playlist', { text: 'just words', name: 'x' });
    expect(empty.isError).toBe(true);
    expect(empty.text).toMatch(/header row/);
  });

  it('imports an M3U by “Artist - Title” and length', async () => {
    const r = catalog.recording(keys[12] ?? '');
    const artist = catalog.artist(r.artistKeys[0] ?? '').name;
    const m3u = `#EXTM3U\n#EXTINF:${Math.round(r.durationMs / 1000)},${artist} - ${r.title}\nfile.mp3\n`;
    const done = await s.call<ImportReport>('tidal_import_playlist', {
      text: m3u,
      name: 'From M3U',
    });
    expect(done.isError, done.text).toBe(false);
    expect(tidalKeys('From M3U')).toEqual([keys[12]]);
  });

  it('syncs a Spotify playlist to TIDAL one way: dry run, apply, idempotent, follows removals', async () => {
    const missing = keys[25] ?? '';
    s.tidal.setMissing([missing]);
    const source = await seedSpotifyPlaylist(s.env, 'Source', keys.slice(20, 30));
    const created = await s.call<{ playlist: { id: string } }>('tidal_create_playlist', {
      name: 'Mirror',
    });
    const target = created.structured.playlist.id;
    // The target starts with one track the source lacks.
    await s.call('tidal_add_to_playlist', {
      playlist_id: target,
      track_ids: [s.tidal.trackId(keys[35] ?? '')],
    });
    const args = {
      from: 'spotify',
      source_playlist_id: source,
      to: 'tidal',
      target_playlist_id: target,
    };
    const dry = await s.call<SyncReport>('sync_playlist', args);
    expect(dry.isError, dry.text).toBe(false);
    expect(dry.structured).toMatchObject({ dryRun: true, toAdd: 9, inStep: false });
    expect(dry.structured.toRemove).toHaveLength(1);
    expect(dry.structured.missing.map((t) => t.title)).toEqual([catalog.recording(missing).title]);
    expect(tidalKeys('Mirror')).toEqual([keys[35]]);

    const applied = await s.call<SyncReport>('sync_playlist', { ...args, dry_run: false });
    expect(applied.isError, applied.text).toBe(false);
    const expected = keys.slice(20, 30).filter((k) => k !== missing);
    expect(tidalKeys('Mirror')).toEqual(expected);

    const again = await s.call<SyncReport>('sync_playlist', { ...args, dry_run: false });
    expect(again.structured.inStep).toBe(true);
    expect(tidalKeys('Mirror')).toEqual(expected);

    // Removing a track from the source removes it from the target on the next sync.
    const shorter = await seedSpotifyPlaylist(s.env, 'Source, shorter', keys.slice(20, 28));
    const follow = await s.call<SyncReport>('sync_playlist', {
      ...args,
      source_playlist_id: shorter,
      dry_run: false,
    });
    expect(follow.structured.toRemove).toHaveLength(2);
    expect(tidalKeys('Mirror')).toEqual(expected.slice(0, 7));
    s.tidal.setMissing([]);
  });

  it('syncs TIDAL to Spotify, and within one service', async () => {
    const created = await s.call<{ playlist: { id: string } }>('tidal_create_playlist', {
      name: 'TIDAL source',
    });
    const source = created.structured.playlist.id;
    await s.call('tidal_add_to_playlist', {
      playlist_id: source,
      track_ids: keys.slice(30, 34).map((k) => s.tidal.trackId(k)),
    });
    const target = await seedSpotifyPlaylist(s.env, 'Spotify mirror', [keys[0] ?? '']);
    const synced = await s.call<SyncReport>('sync_playlist', {
      from: 'tidal',
      source_playlist_id: source,
      to: 'spotify',
      target_playlist_id: target,
      dry_run: false,
    });
    expect(synced.isError, synced.text).toBe(false);
    expect(spotifyKeys('Spotify mirror')).toEqual(keys.slice(30, 34));
    const copy = await seedSpotifyPlaylist(s.env, 'Same-service copy', []);
    const same = await s.call<SyncReport>('sync_playlist', {
      from: 'spotify',
      source_playlist_id: target,
      to: 'spotify',
      target_playlist_id: copy,
      dry_run: false,
    });
    expect(same.isError, same.text).toBe(false);
    expect(spotifyKeys('Same-service copy')).toEqual(keys.slice(30, 34));
    const itself = await s.call('sync_playlist', {
      from: 'spotify',
      source_playlist_id: copy,
      to: 'spotify',
      target_playlist_id: copy,
    });
    expect(itself.isError).toBe(true);
  });

  it('exports TIDAL playlists and favourites', async () => {
    const id = s.env.sandbox.tidal.state().playlists.find((p) => p.name === 'Mirror');
    expect(id).toBeDefined();
    const list = await s.call<{ items: unknown[] }>('tidal_list_my_playlists', {});
    expect(list.isError, list.text).toBe(false);
    const mirror = (
      list.structured as { playlists?: Array<{ id: string; name: string }> }
    ).playlists?.find((p) => p.name === 'Mirror');
    const exported = await s.call<{ tracks: number }>('tidal_export', {
      playlist_id: mirror?.id ?? '',
      format: 'csv',
    });
    expect(exported.isError, exported.text).toBe(false);
    expect(exported.structured.tracks).toBe(7);
    expect(resourceText(exported.raw).text.split('\n')[0]).toBe(
      'title,artists,album,duration_ms,isrc,release_date,added_at,url',
    );
    const favourites = await s.call('tidal_export', { format: 'm3u8' });
    expect(favourites.isError, favourites.text).toBe(false);
    expect(resourceText(favourites.raw).text.startsWith('#EXTM3U')).toBe(true);
  });

  it('sent only requests the vendored specs describe', () => {
    expect(s.specProblems()).toEqual([]);
  });
});
