import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { loadSpecValidator } from '../helpers/openapi-validator.js';
import { getJson, signIn, startCallbackListener, type CallbackListener } from './oauth-helpers.js';

const spotifySpec = loadSpecValidator('spotify');
const tidalSpec = loadSpecValidator('tidal');

describe('sandbox APIs against the vendored specs', () => {
  let sandbox: Sandbox;
  let listener: CallbackListener;
  let spotifyToken: string;
  let tidalToken: string;

  /** GETs an API path, checking the request and the response against the provider's spec. */
  async function call(provider: 'spotify' | 'tidal', pathAndQuery: string, token?: string) {
    const spec = provider === 'spotify' ? spotifySpec : tidalSpec;
    const url = new URL(pathAndQuery, sandbox[provider].apiBaseUrl);
    const answer = await getJson(
      url.toString(),
      token ?? (provider === 'spotify' ? spotifyToken : tidalToken),
    );
    return {
      ...answer,
      requestProblems: spec.validateRequest({ method: 'GET', path: pathAndQuery }),
      responseProblems: spec.validateResponse({
        method: 'GET',
        path: url.pathname,
        status: answer.status,
        body: answer.body,
      }),
    };
  }

  beforeAll(async () => {
    listener = await startCallbackListener();
    sandbox = await startSandbox({ registeredRedirectUris: { tidal: [listener.redirectUri] } });
    spotifyToken = (
      await signIn(sandbox.spotify, listener, { scope: 'user-read-private user-read-email' })
    ).access_token;
    tidalToken = (await signIn(sandbox.tidal, listener, { scope: 'user.read search.read' }))
      .access_token;
  });
  afterAll(async () => {
    await sandbox?.close();
    await listener?.close();
  });

  it('serves /v1/me as the spec describes it, private fields by scope', async () => {
    const me = await call('spotify', '/v1/me');
    expect(me.status).toBe(200);
    expect(me.requestProblems).toEqual([]);
    expect(me.responseProblems).toEqual([]);
    expect(me.body).toMatchObject({
      id: 'sandbox-listener',
      display_name: 'Sandbox Listener',
      product: 'premium',
      country: 'GB',
      email: 'listener@sandbox.tunebridge.invalid',
      type: 'user',
      uri: 'spotify:user:sandbox-listener',
    });
    const bare = (await signIn(sandbox.spotify, listener, { person: 'free' })).access_token;
    const free = await call('spotify', '/v1/me', bare);
    expect(free.responseProblems).toEqual([]);
    expect(free.body).toMatchObject({ display_name: 'Free Listener' });
    expect(free.body).not.toHaveProperty('email');
    expect(free.body).not.toHaveProperty('product');
  });

  it.each(['track', 'album', 'artist', 'playlist'])(
    'finds %ss for the sample query',
    async (type) => {
      const query = new URLSearchParams({
        q: sandbox.spotify.sampleQuery,
        type,
        limit: '3',
        market: 'GB',
      });
      const result = await call('spotify', `/v1/search?${query.toString()}`);
      expect(result.status).toBe(200);
      expect(result.requestProblems).toEqual([]);
      expect(result.responseProblems).toEqual([]);
      const page = (
        result.body as Record<string, { items: unknown[]; limit: number; total: number }>
      )[`${type}s`];
      expect(page?.items.length).toBeGreaterThan(0);
      expect(page?.limit).toBe(3);
    },
  );

  it('pages search results with next and previous links', async () => {
    const query = new URLSearchParams({
      q: sandbox.spotify.sampleQuery,
      type: 'track,album,artist,playlist',
    });
    const first = await call('spotify', `/v1/search?${query.toString()}`);
    expect(first.responseProblems).toEqual([]);
    const tracks = (first.body as { tracks: { limit: number; next: string | null; total: number } })
      .tracks;
    expect(tracks.limit).toBe(5);
    if (tracks.total > 5) {
      const next = new URL(tracks.next ?? '');
      const second = await call('spotify', `${next.pathname}${next.search}`);
      expect(second.responseProblems).toEqual([]);
      expect(
        (second.body as { tracks: { offset: number; previous: string } }).tracks,
      ).toMatchObject({
        offset: 5,
        previous: expect.stringContaining('offset=0'),
      });
    }
  });

  it('finds a track by ISRC with a field filter', async () => {
    const sample = await call(
      'spotify',
      `/v1/search?q=${sandbox.spotify.sampleQuery}&type=track&limit=1`,
    );
    const track = (
      sample.body as { tracks: { items: Array<{ id: string; external_ids: { isrc: string } }> } }
    ).tracks.items[0];
    const byIsrc = await call(
      'spotify',
      `/v1/search?q=isrc:${track?.external_ids.isrc}&type=track`,
    );
    expect(byIsrc.responseProblems).toEqual([]);
    expect(
      (byIsrc.body as { tracks: { items: Array<{ id: string }> } }).tracks.items.map((t) => t.id),
    ).toEqual([track?.id]);
  });

  it('refuses a limit above the documented maximum with 400 Invalid limit', async () => {
    const result = await call('spotify', `/v1/search?q=a&type=track&limit=11`);
    expect(result.requestProblems.join()).toMatch(/limit/);
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: { status: 400, message: 'Invalid limit' } });
    const zero = await call('spotify', `/v1/search?q=a&type=track&limit=0`);
    expect(zero.status).toBe(400);
    const ten = await call('spotify', `/v1/search?q=a&type=track&limit=10`);
    expect(ten.status).toBe(200);
  });

  it('answers a missing or unknown bearer token with a documented 401', async () => {
    const missing = await getJson(`${sandbox.spotify.apiBaseUrl}/v1/me`, undefined);
    expect(missing).toMatchObject({
      status: 401,
      body: { error: { status: 401, message: 'No token provided' } },
    });
    const unknown = await call('spotify', '/v1/search?q=a&type=track', 'not-a-token');
    expect(unknown.status).toBe(401);
    expect(unknown.responseProblems).toEqual([]);
  });

  it('applies injected faults to API requests in order, with Retry-After', async () => {
    sandbox.spotify.injectFaults([
      { status: 429, retryAfterSeconds: 2, pathPrefix: '/v1/search' },
      { status: 503, times: 2 },
    ]);
    const limited = await call('spotify', '/v1/search?q=a&type=track');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.responseProblems).toEqual([]);
    expect((await call('spotify', '/v1/me')).status).toBe(503);
    expect((await call('spotify', '/v1/me')).status).toBe(503);
    expect((await call('spotify', '/v1/me')).status).toBe(200);
    const recorded = sandbox.spotify.requests.filter((request) => request.path.startsWith('/v1/'));
    expect(recorded.slice(-4).map((request) => request.status)).toEqual([429, 503, 503, 200]);
    expect(recorded.at(-4)?.query).toEqual({ q: 'a', type: 'track' });
  });

  it('serves TIDAL /v2/users/me as JSON:API', async () => {
    const me = await call('tidal', '/v2/users/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('content-type')).toBe('application/vnd.api+json');
    expect(me.requestProblems).toEqual([]);
    expect(me.responseProblems).toEqual([]);
    expect(me.body).toMatchObject({
      data: {
        type: 'users',
        attributes: {
          username: 'sandbox-listener',
          country: 'GB',
          email: 'listener@sandbox.tunebridge.invalid',
        },
      },
    });
    const missing = await getJson(`${sandbox.tidal.apiBaseUrl}/v2/users/me`, undefined);
    expect(missing.status).toBe(401);
  });

  it('serves TIDAL search results as JSON:API relationships', async () => {
    const path = `/v2/searchResults?filter%5Bquery%5D=${encodeURIComponent(sandbox.tidal.sampleQuery)}&countryCode=GB`;
    const result = await call('tidal', path);
    expect(result.status).toBe(200);
    expect(result.requestProblems).toEqual([]);
    expect(result.responseProblems).toEqual([]);
    const data = (
      result.body as { data: Array<{ relationships: Record<string, { data: unknown[] }> }> }
    ).data;
    for (const kind of ['tracks', 'albums', 'artists', 'playlists']) {
      expect(data[0]?.relationships[kind]?.data.length).toBeGreaterThan(0);
    }
    const refused = await call('tidal', '/v2/searchResults');
    expect(refused.status).toBe(400);
    expect(refused.responseProblems).toEqual([]);
  });
});
