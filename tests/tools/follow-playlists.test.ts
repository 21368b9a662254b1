import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { startToolSession, type ToolSession } from './tool-session.js';

describe('following playlists through /me/library, through the bridge', () => {
  let s: ToolSession;
  // Two editorial playlists the listener doesn't follow yet.
  let curated: string[] = [];
  const following = () => s.state().playlistKeys.filter((key) => curated.includes(key));

  beforeAll(async () => {
    s = await startToolSession();
    const followed = new Set(s.state().playlistKeys);
    curated = sandboxCatalog()
      .playlists.map((p) => p.key)
      .filter((key) => !followed.has(key))
      .slice(0, 2);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('needs “Change playlists”, not “Change library”', async () => {
    expect(curated).toHaveLength(2);
    const uris = curated.map((key) => s.uri('playlist', key));
    s.allow('library-write');
    const refused = await s.call('spotify_follow_playlists', { playlist_ids: uris });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/Change playlists/);
    expect(following()).toEqual([]);
    s.allow('playlists-write');
  });

  it('follows and unfollows, with a receipt the undo tool reverses', async () => {
    const uris = curated.map((key) => s.uri('playlist', key));
    const mark = s.mark();
    const followed = await s.call<{ following: boolean; receipts?: string[] }>(
      'spotify_follow_playlists',
      { playlist_ids: uris },
    );
    expect(followed.isError, followed.text).toBe(false);
    expect([...following()].sort()).toEqual([...curated].sort());
    const put = s.requestsSince(mark).find((r) => r.method === 'PUT');
    expect(put?.query.uris).toBe(uris.join(','));

    const undone = await s.call('undo', { receipt: followed.structured.receipts?.[0] });
    expect(undone.isError, undone.text).toBe(false);
    expect(following()).toEqual([]);

    await s.call('spotify_follow_playlists', { playlist_ids: uris });
    const dropped = await s.call('spotify_unfollow_playlists', { playlist_ids: [uris[0]] });
    expect(dropped.isError, dropped.text).toBe(false);
    expect(following()).toEqual([curated[1]]);
    const bad = await s.call('spotify_follow_playlists', { playlist_ids: ['spotify:track:x'] });
    expect(bad.isError).toBe(true);
  });

  it('sent only requests the vendored spec describes', () => {
    expect(s.specProblems()).toEqual([]);
  });
});
