import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, specProblems, startSpotifyHarness, type SpotifyHarness } from './spotify-client.js';

describe('Spotify sandbox playlists', () => {
  let h: SpotifyHarness;
  let trackUris: string[];
  let playlistId: string;

  beforeAll(async () => {
    h = await startSpotifyHarness();
    const found = await h.call(
      'GET',
      `/v1/search?${new URLSearchParams({ q: h.sandbox.spotify.sampleQuery, type: 'track', limit: '5' })}`,
    );
    trackUris = (field(found.body, 'tracks', 'items') as Array<{ uri: string }>).map((t) => t.uri);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists the person’s playlists and serves one in full', async () => {
    const mine = await h.call('GET', '/v1/me/playlists?limit=10');
    expect(mine.status).toBe(200);
    expect(specProblems(mine)).toEqual([]);
    const first = field(mine.body, 'items', 0, 'id');
    const full = await h.call('GET', `/v1/playlists/${String(first)}?market=GB`);
    expect(full.status).toBe(200);
    expect(specProblems(full)).toEqual([]);
    const items = await h.call('GET', `/v1/playlists/${String(first)}/items?limit=5&offset=2`);
    expect(specProblems(items)).toEqual([]);
    expect(field(items.body, 'offset')).toBe(2);
  });

  it('creates a playlist, adds items and returns a new snapshot each time', async () => {
    const created = await h.call('POST', '/v1/me/playlists', {
      body: { name: 'Road Trip', description: 'For the car', public: false },
    });
    expect(created.status).toBe(201);
    expect(specProblems(created)).toEqual([]);
    playlistId = String(field(created.body, 'id'));
    const firstSnapshot = field(created.body, 'snapshot_id');

    const added = await h.call('POST', `/v1/playlists/${playlistId}/items`, {
      body: { uris: trackUris.slice(0, 4) },
    });
    expect(added.status).toBe(201);
    expect(specProblems(added)).toEqual([]);
    expect(field(added.body, 'snapshot_id')).not.toBe(firstSnapshot);

    const atStart = await h.call(
      'POST',
      `/v1/playlists/${playlistId}/items?position=0&uris=${encodeURIComponent(trackUris[4] ?? '')}`,
    );
    expect(specProblems(atStart)).toEqual([]);
    const state = h.sandbox.spotify.state();
    const saved = state.playlists.find((playlist) => playlist.name === 'Road Trip');
    expect(saved?.entries).toHaveLength(5);
    expect(state.playlistKeys[0]).toBe(saved?.key);
  });

  it('refuses more than 100 items in one request', async () => {
    const uris = Array.from({ length: 101 }, (_, index) => trackUris[index % trackUris.length]);
    const refused = await h.call('POST', `/v1/playlists/${playlistId}/items`, { body: { uris } });
    expect(refused.requestProblems).toEqual([]);
    expect(refused.status).toBe(400);
    expect(field(refused.body, 'error', 'status')).toBe(400);
    expect(typeof field(refused.body, 'error', 'message')).toBe('string');
  });

  it('reorders and removes items against a snapshot, changing the snapshot id', async () => {
    const before = await h.call('GET', `/v1/playlists/${playlistId}`);
    const snapshot = String(field(before.body, 'snapshot_id'));
    const order = () =>
      (h.sandbox.spotify.state().playlists.find((p) => p.name === 'Road Trip')?.entries ?? []).map(
        (entry) => entry.recordingKey,
      );
    const was = order();
    const body = { range_start: 0, insert_before: 5, range_length: 2, snapshot_id: snapshot };
    const reordered = await h.call('PUT', `/v1/playlists/${playlistId}/items`, { body });
    expect(reordered.status).toBe(200);
    expect(specProblems(reordered)).toEqual([]);
    const afterReorder = String(field(reordered.body, 'snapshot_id'));
    expect(afterReorder).not.toBe(snapshot);
    expect(order()).toEqual([...was.slice(2), ...was.slice(0, 2)]);

    const removed = await h.call('DELETE', `/v1/playlists/${playlistId}/items`, {
      body: { items: [{ uri: trackUris[0] }], snapshot_id: afterReorder },
    });
    expect(removed.status).toBe(200);
    expect(specProblems(removed)).toEqual([]);
    expect(field(removed.body, 'snapshot_id')).not.toBe(afterReorder);
    expect(order()).toHaveLength(4);

    const outOfRange = await h.call('PUT', `/v1/playlists/${playlistId}/items`, {
      body: { range_start: 10, insert_before: 0 },
    });
    expect(outOfRange.status).toBe(400);

    const replaced = await h.call('PUT', `/v1/playlists/${playlistId}/items`, {
      body: { uris: trackUris.slice(0, 2) },
    });
    expect(specProblems(replaced)).toEqual([]);
    expect(order()).toHaveLength(2);
  });

  it('changes details for the owner and refuses everyone else with 403', async () => {
    const renamed = await h.call('PUT', `/v1/playlists/${playlistId}`, {
      body: { name: 'Road Trip 2', public: false },
    });
    expect(renamed.status).toBe(200);
    expect(specProblems(renamed)).toEqual([]);
    expect(field((await h.call('GET', `/v1/playlists/${playlistId}`)).body, 'name')).toBe(
      'Road Trip 2',
    );

    const others = [
      await h.call('PUT', `/v1/playlists/${playlistId}`, { person: 'free', body: { name: 'x' } }),
      await h.call('POST', `/v1/playlists/${playlistId}/items`, {
        person: 'free',
        body: { uris: trackUris.slice(0, 1) },
      }),
    ];
    for (const refused of others) {
      expect(refused.status).toBe(403);
      expect(specProblems(refused)).toEqual([]);
    }
  });

  it('asks for the scope that fits the playlist', async () => {
    const publicOnly = await h.tokenWith('playlist-modify-public playlist-read-private');
    const refused = await h.call('POST', `/v1/playlists/${playlistId}/items`, {
      token: publicOnly,
      body: { uris: trackUris.slice(0, 1) },
    });
    expect(refused.status).toBe(403);
    expect(field(refused.body, 'error', 'message')).toBe('Insufficient client scope');
    const noRead = await h.tokenWith('playlist-modify-public');
    expect((await h.call('GET', '/v1/me/playlists', { token: noRead })).status).toBe(403);
  });
});
