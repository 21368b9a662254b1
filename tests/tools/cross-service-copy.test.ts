import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { spotifyId } from '../../sandbox/spotify/ids.js';
import { startTidalSession, type TidalSession } from './tidal-session.js';

interface Report {
  target: { id: string; created: boolean };
  matched: Array<{ title: string }>;
  fuzzyMatched: Array<{ title: string }>;
  missing: Array<{ title: string }>;
  added: number;
  alreadyThere: number;
}

const recordings = sandboxCatalog().recordings.slice(0, 300);

/** Makes a Spotify playlist of the first 300 catalog recordings with the listener's token. */
async function seedSpotifyPlaylist(s: TidalSession): Promise<string> {
  const spotify = s.env.sandbox.spotify;
  const token = spotify.issuedTokens().findLast((t) => t.includes('-at-')) ?? '';
  const api = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${spotify.apiBaseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { id?: string };
  };
  const created = await api('POST', '/v1/me/playlists', { name: 'Three hundred', public: false });
  const id = created.id ?? '';
  for (let i = 0; i < recordings.length; i += 100) {
    const uris = recordings
      .slice(i, i + 100)
      .map((r) => `spotify:track:${spotifyId('track', r.key)}`);
    await api('POST', `/v1/playlists/${id}/items`, { uris });
  }
  return id;
}

describe('copy_playlist and find_on_other_service, through the bridge', () => {
  let s: TidalSession;
  let playlistId = '';
  const missing = recordings.filter((_, i) => i % 30 === 7).map((r) => r.key); // 10
  const retitled = recordings.filter((_, i) => i % 60 === 13).map((r) => r.key); // 5

  beforeAll(async () => {
    // The TIDAL end-to-end test: the built bridge over stdio, as an assistant app starts it.
    s = await startTidalSession({ via: 'stdio' });
    s.tidal.setMissing(missing);
    s.tidal.setIsrcOverrides(
      Object.fromEntries(retitled.map((key, i) => [key, `GBZZZ26000${i}0`])),
    );
    playlistId = await seedSpotifyPlaylist(s);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it('needs “Change playlists” to copy', async () => {
    expect(missing).toHaveLength(10);
    expect(retitled).toHaveLength(5);
    const refused = await s.call('copy_playlist', { from: 'spotify', playlist_id: playlistId });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/Change playlists/);
    s.allow('playlists-write');
  });

  it('copies 300 tracks to TIDAL and reports exactly the fuzzy and missing ones', async () => {
    const first = await s.call<Report>('copy_playlist', {
      from: 'spotify',
      playlist_id: playlistId,
    });
    expect(first.isError, first.text).toBe(false);
    const title = (key: string) => sandboxCatalog().recording(key).title;
    expect(first.structured.missing.map((t) => t.title).sort()).toEqual(missing.map(title).sort());
    expect(first.structured.fuzzyMatched.map((t) => t.title).sort()).toEqual(
      retitled.map(title).sort(),
    );
    expect(first.structured.matched).toHaveLength(285);
    expect(first.structured.added).toBe(290);
    expect(first.structured.target.created).toBe(true);
    const state = s.env.sandbox.tidal.state();
    const copy = state.playlists.find((p) => p.name === 'Three hundred');
    expect(copy?.entries).toHaveLength(290);
    // Added in chunks of 50: six POSTs to the items relationship.
    const posts = s.env.sandbox.tidal.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('/relationships/items'),
    );
    expect(posts).toHaveLength(6);

    const second = await s.call<Report>('copy_playlist', {
      from: 'spotify',
      playlist_id: playlistId,
    });
    expect(second.isError, second.text).toBe(false);
    expect(second.structured.added).toBe(0);
    expect(second.structured.alreadyThere).toBe(290);
    expect(second.structured.target).toMatchObject({
      id: first.structured.target.id,
      created: false,
    });
    expect(
      s.env.sandbox.tidal.requests.filter(
        (r) => r.method === 'POST' && r.path.endsWith('/relationships/items'),
      ),
    ).toHaveLength(6);
  }, 120_000);

  it('copies a TIDAL playlist back to Spotify, telling a client that asks how it goes', async () => {
    const mine = await s.call<{ playlists: Array<{ id: string; name: string }> }>(
      'tidal_list_my_playlists',
    );
    const copy = mine.structured.playlists.find((p) => p.name === 'Three hundred');
    const client = s.client;
    if (!client) throw new Error('this file runs the bridge over stdio');
    // The SDK client sends a progress token with the call when it is given `onprogress`.
    const heard: Array<{ progress: number; message?: string }> = [];
    const back = await client.callTool(
      {
        name: 'copy_playlist',
        arguments: { from: 'tidal', playlist_id: copy?.id, target_name: 'Back again' },
      },
      undefined,
      { onprogress: (update) => heard.push(update) },
    );
    const report = back.structuredContent as unknown as Report;
    expect(back.isError ?? false).toBe(false);
    expect(report.matched.length + report.fuzzyMatched.length).toBe(290);
    expect(report.missing).toHaveLength(0);
    expect(heard[0]?.message).toBe('Reading the TIDAL playlist');
    const values = heard.map((update) => update.progress);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(new Set(values).size).toBe(values.length);
  }, 120_000);

  it('sends no progress to a client that did not ask', async () => {
    const client = s.client;
    if (!client) throw new Error('this file runs the bridge over stdio');
    // Everything the bridge sends, as it arrives, before the SDK routes it.
    const transport = client.transport;
    const deliver = transport?.onmessage;
    const methods: string[] = [];
    if (transport)
      transport.onmessage = (message, extra) => {
        if ('method' in message) methods.push(message.method);
        deliver?.(message, extra);
      };
    const again = await s.call<Report>('copy_playlist', {
      from: 'spotify',
      playlist_id: playlistId,
    });
    expect(again.isError, again.text).toBe(false);
    if (transport) transport.onmessage = deliver;
    expect(methods).not.toContain('notifications/progress');
  }, 120_000);

  it('finds a track on the other service, and says when it is not there', async () => {
    const [present, gone] = [recordings[0], recordings[7]];
    const found = await s.call<{ match?: { id: string; matchedBy: string } }>(
      'find_on_other_service',
      {
        from: 'spotify',
        id: spotifyId('track', present?.key ?? ''),
      },
    );
    expect(found.isError, found.text).toBe(false);
    expect(found.structured.match).toMatchObject({
      id: s.tidal.trackId(present?.key ?? ''),
      matchedBy: 'isrc',
    });
    const none = await s.call<{ match?: unknown }>('find_on_other_service', {
      from: 'spotify',
      id: spotifyId('track', gone?.key ?? ''),
    });
    expect(none.isError).toBe(false);
    expect(none.structured.match).toBeUndefined();
    expect(none.text).toMatch(/is not on TIDAL/);
  });

  it('sent only requests the vendored specs describe', () => {
    expect(s.specProblems()).toEqual([]);
  });
});
