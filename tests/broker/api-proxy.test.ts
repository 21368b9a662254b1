import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrokerClient } from '../../mcp-bridge/broker-client.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

/** The host's side of a provider call: retries, rate limits and refreshes, against the sandbox. */
describe('provider calls through the broker', () => {
  let env: TestHost;
  let bridge: BrokerClient;

  beforeAll(async () => {
    env = await startTestHost();
    await env.login('spotify');
    bridge = await env.bridge((await env.issueClient()).clientKey);
  });
  afterAll(() => env?.stop());

  async function search() {
    const grant = await bridge.request({
      type: 'capability.request',
      provider: 'spotify',
      scopes: [],
    });
    if (grant.type !== 'capability') throw new Error('no capability');
    const answer = await bridge.request({
      type: 'api.call',
      provider: 'spotify',
      capability: grant.token,
      method: 'GET',
      path: '/v1/search',
      query: { q: env.sandbox.spotify.sampleQuery, type: 'track' },
    });
    if (answer.type !== 'api.result') throw new Error(`unexpected ${answer.type}`);
    return answer;
  }

  function searchesSeen(): number {
    return env.sandbox.spotify.requests.filter((r) => r.path === '/v1/search').length;
  }

  it('waits out a short 429 Retry-After and then succeeds', async () => {
    env.sandbox.spotify.injectFaults([
      { status: 429, retryAfterSeconds: 1, pathPrefix: '/v1/search' },
    ]);
    const before = searchesSeen();
    const started = Date.now();
    const answer = await search();
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(searchesSeen() - before).toBe(2);
  });

  it('hands back a long 429 at once, with the time to retry, instead of hanging', async () => {
    env.sandbox.spotify.injectFaults([
      { status: 429, retryAfterSeconds: 120, pathPrefix: '/v1/search' },
    ]);
    const before = searchesSeen();
    const answer = await search();
    expect(answer.status).toBe(429);
    expect(answer.retryAfterSeconds).toBe(120);
    expect(searchesSeen() - before).toBe(1);
    // The cool-down is shared: the next call does not knock on the provider's door again.
    const next = await search();
    expect(next.status).toBe(429);
    expect(searchesSeen() - before).toBe(1);
  });
});

describe('provider calls after the access token dies', () => {
  let env: TestHost;
  afterAll(() => env?.stop());

  it('refreshes once on 401 and retries, persisting the rotated refresh token', async () => {
    env = await startTestHost();
    await env.login('spotify');
    const bridge = await env.bridge((await env.issueClient()).clientKey);
    env.sandbox.spotify.expireAccessTokens();

    const grant = await bridge.request({
      type: 'capability.request',
      provider: 'spotify',
      scopes: [],
    });
    if (grant.type !== 'capability') throw new Error('no capability');
    const answer = await bridge.request({
      type: 'api.call',
      provider: 'spotify',
      capability: grant.token,
      method: 'GET',
      path: '/v1/search',
      query: { q: 'a', type: 'track' },
    });
    expect(answer).toMatchObject({ type: 'api.result', status: 200 });
    expect(env.host.accounts.summary('spotify').status).toBe('connected');
    const refreshes = await env.host.audit.query({ kind: 'token.refresh', outcome: 'ok' });
    expect(refreshes).toHaveLength(1);
  });
});

describe('provider calls when the provider is briefly down', () => {
  let env: TestHost;
  afterAll(() => env?.stop());

  it('retries a GET after a 503 and succeeds', async () => {
    env = await startTestHost();
    await env.login('spotify');
    const bridge = await env.bridge((await env.issueClient()).clientKey);
    env.sandbox.spotify.injectFaults([{ status: 503, pathPrefix: '/v1/search' }]);
    const grant = await bridge.request({
      type: 'capability.request',
      provider: 'spotify',
      scopes: [],
    });
    if (grant.type !== 'capability') throw new Error('no capability');
    const answer = await bridge.request({
      type: 'api.call',
      provider: 'spotify',
      capability: grant.token,
      method: 'GET',
      path: '/v1/search',
      query: { q: 'a', type: 'track' },
    });
    expect(answer).toMatchObject({ type: 'api.result', status: 200 });
  });
});
