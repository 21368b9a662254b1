import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { startTidalSession, type TidalSession } from '../tools/tidal-session.js';

const catalog = sandboxCatalog();

/**
 * Every TIDAL write takes dry_run, as Spotify's do: it checks the input, says what it would do,
 * and changes nothing in the person's account.
 */
describe('TIDAL writes with dry_run', () => {
  let s: TidalSession;
  let playlistId: string;
  let trackIds: string[];
  const writes = () =>
    s.env.sandbox.tidal.requests.filter((request) => request.method !== 'GET').length;

  beforeAll(async () => {
    s = await startTidalSession();
    s.allow('library-write', 'playlists-write');
    const created = await s.call<{ playlist: { id: string } }>('tidal_create_playlist', {
      name: 'Dry runs',
    });
    playlistId = created.structured.playlist.id;
    trackIds = catalog.recordings.slice(0, 4).map((r) => s.tidal.trackId(r.key));
    await s.call('tidal_add_to_playlist', { playlist_id: playlistId, track_ids: trackIds });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('changes nothing and says what it would do, for each write tool', async () => {
    const before = writes();
    const playlistBefore = s.env.sandbox.tidal.state().playlists.find((p) => p.name === 'Dry runs');
    const entriesBefore = playlistBefore?.entries.map((e) => e.recordingKey);
    const calls: Array<[string, Record<string, unknown>, RegExp]> = [
      ['tidal_create_playlist', { name: 'Never made' }, /would create the unlisted TIDAL playlist/],
      [
        'tidal_add_to_playlist',
        { playlist_id: playlistId, track_ids: trackIds },
        /would append 4 tracks/,
      ],
      [
        'tidal_remove_from_playlist',
        { playlist_id: playlistId, track_ids: trackIds.slice(0, 1) },
        /would remove 1 items .* leaving 3/,
      ],
      [
        'tidal_reorder_playlist',
        { playlist_id: playlistId, range_start: 2, insert_before: 0 },
        /would move 1 track/,
      ],
      [
        'tidal_update_playlist_details',
        { playlist_id: playlistId, name: 'Renamed' },
        /would change name/,
      ],
      [
        'tidal_add_to_collection',
        { kind: 'tracks', ids: trackIds.slice(0, 2) },
        /would add 2 tracks/,
      ],
      [
        'tidal_remove_from_collection',
        { kind: 'tracks', ids: trackIds.slice(0, 2) },
        /would remove 2 tracks/,
      ],
    ];
    for (const [tool, args, says] of calls) {
      const answer = await s.call<{ dryRun: boolean }>(tool, { ...args, dry_run: true });
      expect(answer.isError, `${tool}: ${answer.text}`).toBe(false);
      expect(answer.structured.dryRun, tool).toBe(true);
      expect(answer.text, tool).toMatch(says);
      expect(answer.text, tool).toMatch(/Nothing was changed\./);
    }
    expect(writes()).toBe(before);
    const playlistAfter = s.env.sandbox.tidal.state().playlists.find((p) => p.name === 'Dry runs');
    expect(playlistAfter?.entries.map((e) => e.recordingKey)).toEqual(entriesBefore);
    expect(s.env.sandbox.tidal.state().playlists.some((p) => p.name === 'Never made')).toBe(false);
  });
});
