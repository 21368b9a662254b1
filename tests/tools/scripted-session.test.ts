import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { startToolSession, type ToolSession } from './tool-session.js';

/**
 * The scripted session, all through MCP: search, create a playlist, add 250 tracks,
 * reorder, play it on a chosen device, skip, queue a track, read recently played.
 */
describe('a scripted Spotify session through the bridge', () => {
  let s: ToolSession;

  beforeAll(async () => {
    // The Spotify end-to-end test: the built bridge over stdio, as an assistant app starts it.
    s = await startToolSession({ groups: ['playback', 'playlists-write'], via: 'stdio' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('runs from search to recently played', async () => {
    const found = await s.call<{ tracks: Array<{ uri: string }> }>('spotify_search', {
      query: s.env.sandbox.spotify.sampleQuery,
      limit: 5,
    });
    expect(found.structured.tracks.length).toBeGreaterThan(0);

    const created = await s.call<{ playlist: { id: string; uri: string } }>(
      'spotify_create_playlist',
      { name: 'Scripted session' },
    );
    const { id, uri } = created.structured.playlist;
    const catalogUris = sandboxCatalog()
      .recordings.slice(100, 350)
      .map((r) => s.uri('track', r.key));
    const uris = [...found.structured.tracks.map((t) => t.uri), ...catalogUris].slice(0, 250);
    const added = await s.call<{ added: number; snapshotId: string }>('spotify_add_to_playlist', {
      playlist_id: id,
      uris,
    });
    expect(added.structured.added).toBe(250);

    const moved = await s.call('spotify_reorder_playlist', {
      playlist_id: id,
      range_start: 200,
      range_length: 10,
      insert_before: 0,
      snapshot_id: added.structured.snapshotId,
    });
    expect(moved.isError).toBe(false);
    const entries = s.state().playlists[0]?.entries ?? [];
    expect(entries).toHaveLength(250);
    expect(s.uri('track', entries[0]?.recordingKey ?? '')).toBe(uris[200]);

    const devices = await s.call<{ devices: Array<{ id: string; name: string }> }>(
      'spotify_list_devices',
    );
    const speaker = devices.structured.devices.find((d) => d.name === 'Kitchen Speaker');
    expect(speaker?.id).toBe(createHash('sha1').update('listener:speaker').digest('hex'));
    const played = await s.call('spotify_play', { context_uri: uri, device_id: speaker?.id });
    expect(played.isError).toBe(false);
    expect(s.state().playback).toMatchObject({ deviceKey: 'speaker', isPlaying: true, index: 0 });

    expect((await s.call('spotify_next')).isError).toBe(false);
    expect(s.state().playback.recordingKey).toBe(entries[1]?.recordingKey);

    const queued = uris[249] ?? '';
    expect((await s.call('spotify_add_to_queue', { uri: queued })).isError).toBe(false);
    expect((await s.call('spotify_next')).isError).toBe(false);
    expect(s.uri('track', s.state().playback.recordingKey ?? '')).toBe(queued);

    const recent = await s.call<{ plays: Array<{ track: { uri: string }; contextUri?: string }> }>(
      'spotify_get_recently_played',
      { limit: 5 },
    );
    expect(recent.structured.plays.slice(0, 2).map((p) => p.track.uri)).toEqual([
      s.uri('track', entries[1]?.recordingKey ?? ''),
      s.uri('track', entries[0]?.recordingKey ?? ''),
    ]);
    expect(recent.structured.plays[0]?.contextUri).toBe(uri);
    expect(s.specProblems()).toEqual([]);
  });
});
