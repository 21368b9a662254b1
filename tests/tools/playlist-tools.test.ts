import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { startToolSession, type ToolSession } from './tool-session.js';

const TRACK_LINE = /^\d+\. .+ — .+ · \d+:\d\d · spotify:track:[0-9A-Za-z]{22}$/m;
const recordings = sandboxCatalog().recordings;

interface Created {
  playlist: { id: string; uri: string; name: string; public: boolean };
}

describe('Spotify playlist tools, through the bridge', () => {
  let s: ToolSession;
  let playlistId = '';
  const trackUris = (from: number, count: number) =>
    recordings.slice(from, from + count).map((r) => s.uri('track', r.key));

  beforeAll(async () => {
    s = await startToolSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lists my playlists and reads one with its tracks', async () => {
    const list = await s.call<{ playlists: Array<{ id: string; name: string }>; total: number }>(
      'spotify_list_my_playlists',
      { limit: 10 },
    );
    expect(list.isError).toBe(false);
    expect(list.structured.total).toBe(s.state().playlists.length);
    expect(list.structured.playlists[0]?.name).toBe('Sandbox Favourites');
    expect(list.text).toMatch(/^1\. Sandbox Favourites — by Sandbox Listener · 12 tracks · /m);

    const id = list.structured.playlists[0]?.id ?? '';
    const one = await s.call<{ items: Array<{ position: number }>; total: number }>(
      'spotify_get_playlist',
      { playlist_id: `spotify:playlist:${id}`, limit: 5, offset: 2 },
    );
    expect(one.isError).toBe(false);
    expect(one.structured.total).toBe(12);
    expect(one.structured.items.map((item) => item.position)).toEqual([2, 3, 4, 5, 6]);
    expect(one.text).toMatch(TRACK_LINE);
    expect(one.text).toMatch(/offset 7/);
  });

  it('needs the “Change playlists” switch to create one', async () => {
    const refused = await s.call('spotify_create_playlist', { name: 'Nope' });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/Change playlists/);
    s.allow('playlists-write');
  });

  it('creates a private playlist and changes its details', async () => {
    const created = await s.call<Created>('spotify_create_playlist', {
      name: '  Road trip  ',
      description: 'For the drive',
    });
    expect(created.isError).toBe(false);
    expect(created.structured.playlist).toMatchObject({ name: 'Road trip', public: false });
    playlistId = created.structured.playlist.id;
    expect(s.state().playlists[0]).toMatchObject({ name: 'Road trip', public: false });

    const renamed = await s.call('spotify_update_playlist_details', {
      playlist_id: playlistId,
      name: 'Road trip 2026',
      description: '',
    });
    expect(renamed.isError).toBe(false);
    expect(s.state().playlists[0]).toMatchObject({ name: 'Road trip 2026', description: '' });
  });

  it('rejects bad input before sending anything', async () => {
    const before = s.mark();
    for (const [tool, args] of [
      ['spotify_create_playlist', { name: '   ' }],
      ['spotify_create_playlist', { name: 'x'.repeat(101) }],
      ['spotify_create_playlist', { name: 'Both', public: true, collaborative: true }],
      ['spotify_update_playlist_details', { playlist_id: playlistId }],
      ['spotify_get_playlist', { playlist_id: 'not-an-id' }],
      ['spotify_add_to_playlist', { playlist_id: playlistId, uris: [] }],
      ['spotify_add_to_playlist', { playlist_id: playlistId, uris: ['spotify:album:x'] }],
      ['spotify_reorder_playlist', { playlist_id: playlistId, range_start: -1, insert_before: 0 }],
    ] as const) {
      const answer = await s.call(tool, args);
      expect(answer.isError, tool).toBe(true);
      expect(answer.text).toMatch(/is not valid/);
    }
    expect(s.requestsSince(before)).toEqual([]);
  });

  it('previews, then adds 250 tracks in chunks of 100 and returns the snapshot', async () => {
    const uris = trackUris(0, 250);
    const before = s.mark();
    const preview = await s.call<{ wouldAdd: number; dryRun: boolean }>('spotify_add_to_playlist', {
      playlist_id: playlistId,
      uris,
      dry_run: true,
    });
    expect(preview.structured).toMatchObject({ dryRun: true, wouldAdd: 250 });
    expect(preview.text).toMatch(/Nothing was changed/);
    expect(s.state().playlists[0]?.entries).toHaveLength(0);

    const added = await s.call<{ added: number; requests: number; snapshotId: string }>(
      'spotify_add_to_playlist',
      { playlist_id: playlistId, uris },
    );
    expect(added.isError).toBe(false);
    expect(added.structured).toMatchObject({ added: 250, requests: 3 });
    expect(added.structured.snapshotId).toBeTruthy();
    expect(added.text).toContain(added.structured.snapshotId);
    const posts = s.requestsSince(before).filter((r) => r.method === 'POST');
    expect(posts.map((r) => (r.body as { uris: string[] }).uris.length)).toEqual([100, 100, 50]);
    const entries = s.state().playlists[0]?.entries ?? [];
    expect(entries.map((e) => s.uri('track', e.recordingKey))).toEqual(uris);
  });

  it('skips duplicates when asked', async () => {
    const uris = [...trackUris(245, 10), ...trackUris(255, 1)];
    const answer = await s.call<{ added: number; skippedDuplicates: number }>(
      'spotify_add_to_playlist',
      { playlist_id: playlistId, uris, skip_duplicates: true, position: 0 },
    );
    expect(answer.structured).toMatchObject({ added: 6, skippedDuplicates: 5 });
    const entries = s.state().playlists[0]?.entries ?? [];
    expect(entries).toHaveLength(256);
    expect(s.uri('track', entries[0]?.recordingKey ?? '')).toBe(uris[5]);
  });

  it('reorders and removes, with a dry run first', async () => {
    const first = s.state().playlists[0]?.entries[0]?.recordingKey;
    const moved = await s.call<{ snapshotId: string }>('spotify_reorder_playlist', {
      playlist_id: playlistId,
      range_start: 0,
      insert_before: 3,
    });
    expect(moved.isError).toBe(false);
    expect(s.state().playlists[0]?.entries[2]?.recordingKey).toBe(first);

    const gone = trackUris(0, 3);
    const preview = await s.call('spotify_remove_from_playlist', {
      playlist_id: playlistId,
      uris: gone,
      dry_run: true,
    });
    expect(preview.text).toMatch(/would remove 3 entries .* leaving 253/);
    expect(s.state().playlists[0]?.entries).toHaveLength(256);

    const removed = await s.call<{ snapshotId: string }>('spotify_remove_from_playlist', {
      playlist_id: playlistId,
      uris: gone,
      snapshot_id: moved.structured.snapshotId,
    });
    expect(removed.isError).toBe(false);
    expect(removed.structured.snapshotId).not.toBe(moved.structured.snapshotId);
    expect(s.state().playlists[0]?.entries).toHaveLength(253);
  });

  it('explains a playlist the person does not own, an unknown one and a stale snapshot', async () => {
    const curated = s.state().playlists.find((p) => p.ownerKey === 'curator');
    const notMine = await s.call('spotify_add_to_playlist', {
      playlist_id: s.uri('playlist', curated?.key ?? ''),
      uris: trackUris(0, 1),
    });
    expect(notMine.isError).toBe(true);
    expect(notMine.text).toMatch(/only lets a playlist's owner/);

    const unknown = await s.call('spotify_get_playlist', { playlist_id: 'A'.repeat(22) });
    expect(unknown.isError).toBe(true);
    expect(unknown.text).toMatch(/could not find that playlist/);

    const stale = await s.call('spotify_reorder_playlist', {
      playlist_id: playlistId,
      range_start: 0,
      insert_before: 2,
      snapshot_id: 'bm90LWEtc25hcHNob3Q',
    });
    expect(stale.isError).toBe(true);
    expect(stale.text).toMatch(/rejected the request to reorder the playlist/);
  });

  it('sent only requests the Spotify spec documents', () => {
    expect(s.specProblems()).toEqual([]);
  });
});
