import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { seedSpotifyPlaylist } from '../tools/library-seed.js';
import { startToolSession, type ToolSession } from '../tools/tool-session.js';

const keys = sandboxCatalog()
  .recordings.slice(0, 250)
  .map((r) => r.key);

/**
 * A run of changes to one playlist (a bulk add sends one request per 100 tracks) reads the
 * playlist once, not around every request, and its receipts still undo newest first back to
 * the playlist as it was, or refuse when it was changed elsewhere.
 */
describe('receipts for a run of changes', () => {
  let s: ToolSession;
  const items = (name: string) =>
    s
      .state()
      .playlists.find((p) => p.name === name)
      ?.entries.map((e) => e.recordingKey) ?? [];

  beforeAll(async () => {
    s = await startToolSession({ groups: ['playlists-write'], via: 'stdio' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('reads the playlist once for three batches, and undoes them newest first', async () => {
    const id = await seedSpotifyPlaylist(s.env, 'Bulk', keys.slice(0, 3));
    const mark = s.mark();
    const added = await s.call<{ receipts?: string[] }>('spotify_add_to_playlist', {
      playlist_id: id,
      uris: keys.slice(3).map((k) => s.uri('track', k)),
    });
    expect(added.isError, added.text).toBe(false);
    expect(added.structured.receipts).toHaveLength(3);
    const reads = s
      .requestsSince(mark)
      .filter((r) => r.method === 'GET' && r.path.endsWith('/items'));
    expect(reads).toHaveLength(1);
    expect(items('Bulk')).toEqual(keys);

    for (const receipt of [...(added.structured.receipts ?? [])].reverse()) {
      const undone = await s.call('undo', { receipt });
      expect(undone.isError, undone.text).toBe(false);
    }
    expect(items('Bulk')).toEqual(keys.slice(0, 3));
  });

  it('refuses the undo when the playlist was changed elsewhere after the run', async () => {
    const id = await seedSpotifyPlaylist(s.env, 'Touched', keys.slice(0, 2));
    const added = await s.call<{ receipts?: string[] }>('spotify_add_to_playlist', {
      playlist_id: id,
      uris: keys.slice(2, 5).map((k) => s.uri('track', k)),
    });
    expect(added.isError, added.text).toBe(false);
    // Someone adds a track in Spotify itself (not through TuneBridge).
    const token = s.env.sandbox.spotify.issuedTokens().findLast((t) => t.includes('-at-')) ?? '';
    await fetch(`${s.env.sandbox.spotify.apiBaseUrl}/v1/playlists/${id}/items`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ uris: [s.uri('track', keys[9] ?? '')] }),
    });
    const undone = await s.call('undo', { receipt: added.structured.receipts?.[0] });
    expect(undone.isError).toBe(true);
    expect(items('Touched')).toEqual([...keys.slice(0, 5), keys[9]]);
  });

  it('sent only requests the vendored spec describes', () => {
    expect(s.specProblems()).toEqual([]);
  });
});
