import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { startTidalSession, type TidalSession } from '../tools/tidal-session.js';

const catalog = sandboxCatalog();

/** TIDAL playlist changes answer with receipts too, and undo puts the playlist back exactly. */
describe('TIDAL receipts and undo through the bridge', () => {
  let s: TidalSession;
  let playlistId = '';
  const entries = () =>
    s.env.sandbox.tidal
      .state()
      .playlists.find((p) => p.name === 'Undo me')
      ?.entries.map((e) => e.recordingKey) ?? [];

  beforeAll(async () => {
    s = await startTidalSession();
    s.allow('playlists-write');
    const created = await s.call<{ playlist: { id: string }; receipts?: string[] }>(
      'tidal_create_playlist',
      { name: 'Undo me' },
    );
    expect(created.isError, created.text).toBe(false);
    playlistId = created.structured.playlist.id;
    // A receipt, but TIDAL's API has no playlist delete: the undo says so.
    const undoCreate = await s.call('undo', { receipt: created.structured.receipts?.[0] });
    expect(undoCreate.isError).toBe(true);
    expect(undoCreate.text).toMatch(/no way to delete a playlist/);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('adds 3, removes 1, reorders, then undoes all newest first', async () => {
    const ids = (from: number, n: number) =>
      catalog.recordings.slice(from, from + n).map((r) => s.tidal.trackId(r.key));
    const seed = await s.call('tidal_add_to_playlist', {
      playlist_id: playlistId,
      track_ids: ids(0, 5),
    });
    expect(seed.isError, seed.text).toBe(false);
    const before = entries();

    const add = await s.call<{ receipts?: string[] }>('tidal_add_to_playlist', {
      playlist_id: playlistId,
      track_ids: ids(10, 3),
    });
    expect(add.structured.receipts).toHaveLength(1);
    const remove = await s.call<{ receipts?: string[] }>('tidal_remove_from_playlist', {
      playlist_id: playlistId,
      track_ids: [ids(2, 1)[0]],
    });
    expect(remove.isError, remove.text).toBe(false);
    expect(entries()).toHaveLength(7);
    const moved = await s.call<{ receipts?: string[] }>('tidal_reorder_playlist', {
      playlist_id: playlistId,
      range_start: 4,
      insert_before: 0,
    });
    expect(moved.isError, moved.text).toBe(false);

    for (const receipt of [moved, remove, add].map((r) => r.structured.receipts?.at(-1))) {
      const undo = await s.call('undo', { receipt });
      expect(undo.isError, undo.text).toBe(false);
    }
    expect(entries()).toEqual(before);
  });
});
