import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { startSandbox, tidalControls, type Sandbox } from '../../sandbox/index.js';
import { loadSpecValidator } from '../helpers/openapi-validator.js';
import { signIn, startCallbackListener, type CallbackListener } from './oauth-helpers.js';

const spec = loadSpecValidator('tidal');
const catalog = sandboxCatalog();
const ALL_SCOPES =
  'user.read collection.read collection.write playlists.read playlists.write search.read recommendations.read';
const ME = '190000001';

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

/**
 * Every TIDAL operation the tools use, answered by the sandbox: each request checked with
 * `validateRequest` and each answer, success or documented error, with `validateResponse`.
 */
describe('TIDAL sandbox against the vendored spec', () => {
  let sandbox: Sandbox;
  let listener: CallbackListener;
  let token = '';
  let playlistId = '';
  const ids = { track: '', track2: '', album: '', artist: '' };
  const problems: string[] = [];

  /** Sends one request; collects spec problems with it and its answer. */
  async function api(
    method: string,
    path: string,
    query: Record<string, string> = {},
    body?: unknown,
    key: string | null = method === 'GET' ? null : randomUUID(),
  ): Promise<Answer> {
    const url = new URL(path, sandbox.tidal.apiBaseUrl);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      accept: 'application/vnd.api+json',
    };
    if (body !== undefined) headers['content-type'] = 'application/vnd.api+json';
    if (key !== null) headers['idempotency-key'] = key;
    const response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const answer = {
      status: response.status,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      headers: response.headers,
    };
    const label = `${method} ${path}`;
    problems.push(
      ...spec
        .validateRequest({ method, path, query, body })
        .map((problem) => `request ${label}: ${problem}`),
      ...spec
        .validateResponse({ method, path, status: answer.status, body: answer.body })
        .map((problem) => `response ${label}: ${problem}`),
    );
    return answer;
  }
  const expectValid = () => {
    const found = problems.splice(0);
    expect(found).toEqual([]);
  };
  const GB = { countryCode: 'GB' };

  beforeAll(async () => {
    listener = await startCallbackListener();
    sandbox = await startSandbox({ registeredRedirectUris: { tidal: [listener.redirectUri] } });
    token = (await signIn(sandbox.tidal, listener, { scope: ALL_SCOPES })).access_token;
    const controls = tidalControls(sandbox.tidal);
    ids.track = controls.trackId(catalog.recordings[0]?.key ?? '');
    ids.track2 = controls.trackId(catalog.recordings[1]?.key ?? '');
    ids.album = controls.albumId(catalog.albums[0]?.key ?? '');
    ids.artist = controls.artistId(catalog.artists[0]?.key ?? '');
  });
  afterAll(async () => {
    await sandbox?.close();
    await listener?.close();
  });

  it('serves the profile, search and ISRC lookup', async () => {
    expect((await api('GET', '/v2/users/me')).status).toBe(200);
    const search = await api('GET', '/v2/searchResults', {
      'filter[query]': catalog.recordings[0]?.title ?? '',
      include: 'tracks,tracks.artists,albums,albums.artists,artists,playlists,topHits',
      ...GB,
    });
    expect(search.status).toBe(200);
    const lookup = await api('GET', '/v2/tracks', {
      'filter[isrc]': catalog.recordings[0]?.isrc ?? '',
      include: 'albums,artists',
      ...GB,
    });
    expect(lookup.status).toBe(200);
    const byId = await api('GET', '/v2/tracks', {
      'filter[id]': `${ids.track},${ids.track2}`,
      include: 'albums,artists',
      ...GB,
    });
    expect((byId.body as { data: unknown[] }).data).toHaveLength(2);
    expectValid();
  });

  it('serves tracks, albums, artists, radios and similar tracks', async () => {
    const gets: Array<[string, Record<string, string>]> = [
      [`/v2/tracks/${ids.track}`, { include: 'albums,artists', ...GB }],
      [`/v2/tracks/${ids.track}/relationships/radio`, { include: 'radio' }],
      [`/v2/tracks/${ids.track}/relationships/similarTracks`, { include: 'similarTracks', ...GB }],
      [`/v2/albums/${ids.album}`, { include: 'artists', ...GB }],
      [`/v2/albums/${ids.album}/relationships/items`, { include: 'items,items.artists', ...GB }],
      [`/v2/artists/${ids.artist}`, GB],
      [
        `/v2/artists/${ids.artist}/relationships/tracks`,
        { collapseBy: 'FINGERPRINT', include: 'tracks', ...GB },
      ],
      [
        `/v2/artists/${ids.artist}/relationships/albums`,
        { include: 'albums,albums.artists', ...GB },
      ],
      [`/v2/artists/${ids.artist}/relationships/radio`, { include: 'radio', ...GB }],
      [`/v2/userRecommendations/${ME}`, { include: 'myMixes,discoveryMixes,newArrivalMixes' }],
    ];
    for (const [path, query] of gets) {
      const answer = await api('GET', path, query);
      expect(answer.status, path).toBe(200);
    }
    expectValid();
  });

  it('creates, reads, changes and lists a playlist, and moves items in it', async () => {
    const created = await api('POST', '/v2/playlists', undefined, {
      data: { type: 'playlists', attributes: { name: 'Spec check', accessType: 'UNLISTED' } },
    });
    expect(created.status).toBe(201);
    playlistId = (created.body as { data: { id: string } }).data.id;
    const items = `/v2/playlists/${playlistId}/relationships/items`;
    const add = await api('POST', items, undefined, {
      data: [ids.track, ids.track2].map((id) => ({ id, type: 'tracks' })),
    });
    expect(add.status).toBe(200);
    expect((await api('GET', `/v2/playlists/${playlistId}`, GB)).status).toBe(200);
    const listed = await api('GET', items, { include: 'items,items.artists,items.albums', ...GB });
    const itemIds = (listed.body as { data: Array<{ id: string; meta: { itemId: string } }> }).data;
    expect(itemIds).toHaveLength(2);
    const patched = await api('PATCH', `/v2/playlists/${playlistId}`, undefined, {
      data: { id: playlistId, type: 'playlists', attributes: { name: 'Spec checked' } },
    });
    expect(patched.status).toBe(200);
    const [first, second] = itemIds;
    const moved = await api('PATCH', items, undefined, {
      data: [{ id: second?.id, type: 'tracks', meta: { itemId: second?.meta.itemId } }],
      meta: { positionBefore: first?.meta.itemId },
    });
    expect(moved.status).toBe(200);
    const removed = await api('DELETE', items, undefined, {
      data: [{ id: first?.id, type: 'tracks', meta: { itemId: first?.meta.itemId } }],
    });
    expect(removed.status).toBe(200);
    const mine = await api('GET', '/v2/playlists', { 'filter[owners.id]': 'me', ...GB });
    expect(mine.status).toBe(200);
    expectValid();
  });

  it('lists, adds and removes favourites of every kind', async () => {
    const target = {
      tracks: ids.track,
      albums: ids.album,
      artists: ids.artist,
      playlists: playlistId,
    };
    for (const [kind, id] of Object.entries(target)) {
      const path = `/v2/userCollections/${ME}/relationships/${kind}`;
      const include = kind === 'albums' ? 'albums,albums.artists' : kind;
      expect((await api('GET', path, { include })).status, `GET ${kind}`).toBe(200);
      const data = { data: [{ id, type: kind }] };
      expect((await api('POST', path, undefined, data)).status, `POST ${kind}`).toBe(200);
      expect((await api('DELETE', path, undefined, data)).status, `DELETE ${kind}`).toBe(200);
    }
    expectValid();
  });

  it('answers documented 400s', async () => {
    const bad: Array<[string, string, Record<string, string>, unknown?, (string | null)?]> = [
      ['GET', '/v2/searchResults', { 'filter[query]': 'x' }],
      ['GET', '/v2/tracks', GB],
      ['GET', `/v2/albums/${ids.album}/relationships/items`, { ...GB, 'page[cursor]': '!!' }],
      ['GET', `/v2/artists/${ids.artist}/relationships/tracks`, { ...GB, collapseBy: 'SOME' }],
      [
        'POST',
        `/v2/playlists/${playlistId}/relationships/items`,
        {},
        { data: Array.from({ length: 51 }, () => ({ id: ids.track, type: 'tracks' })) },
      ],
      // Every documented mutation needs its Idempotency-Key here.
      [
        'POST',
        `/v2/userCollections/${ME}/relationships/tracks`,
        {},
        { data: [{ id: ids.track, type: 'tracks' }] },
        null,
      ],
    ];
    for (const [method, path, query, body, key] of bad) {
      const answer = await api(method, path, query, body, key);
      expect(answer.status, `${method} ${path}`).toBe(400);
    }
    // The validator flags the requests above that break the spec on purpose; drop those.
    const responseProblems = problems.filter((p) => p.startsWith('response'));
    problems.length = 0;
    expect(responseProblems).toEqual([]);
  });

  it('answers documented 404s', async () => {
    const missing: Array<[string, string, Record<string, string>, unknown?]> = [
      ['GET', '/v2/tracks/99999999', GB],
      ['GET', '/v2/albums/99999999', GB],
      ['GET', '/v2/artists/99999999', GB],
      ['GET', '/v2/playlists/00000000-0000-4000-a000-000000000000', GB],
      [
        'DELETE',
        `/v2/playlists/${playlistId}/relationships/items`,
        {},
        { data: [{ id: ids.track, type: 'tracks', meta: { itemId: 'it-nope' } }] },
      ],
      [
        'POST',
        `/v2/userCollections/${ME}/relationships/albums`,
        {},
        { data: [{ id: '99999999', type: 'albums' }] },
      ],
    ];
    for (const [method, path, query, body] of missing) {
      const answer = await api(method, path, query, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
    }
    expectValid();
  });

  it('replays a repeated Idempotency-Key and answers 422 to a changed payload', async () => {
    const path = `/v2/playlists/${playlistId}/relationships/items`;
    const key = randomUUID();
    const body = { data: [{ id: ids.track, type: 'tracks' }] };
    const first = await api('POST', path, {}, body, key);
    const replay = await api('POST', path, {}, body, key);
    expect(replay).toMatchObject({ status: 200, body: first.body });
    const changed = await api(
      'POST',
      path,
      {},
      { data: [{ id: ids.track2, type: 'tracks' }] },
      key,
    );
    expect(changed.status).toBe(422);
    const items = await api('GET', path, GB);
    expect((items.body as { data: unknown[] }).data).toHaveLength(2);
    expectValid();
  });

  it('answers 429 with the rate-limit headers when the bucket is empty', async () => {
    tidalControls(sandbox.tidal).setRateLimit({ burst: 1, replenishPerSecond: 0.01 });
    expect((await api('GET', '/v2/users/me')).status).toBe(200);
    const limited = await api('GET', '/v2/searchResults', { 'filter[query]': 'x', ...GB });
    tidalControls(sandbox.tidal).setRateLimit(undefined);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expectValid();
  });
});
