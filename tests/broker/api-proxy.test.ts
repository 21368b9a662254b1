import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrokerClient } from '../../broker-client/broker-client.js';
import { getThroughBroker, startTestHost, type TestHost } from '../helpers/test-host.js';

/** The host's side of a provider call: retries, rate limits and refreshes, against the sandbox. */
describe('provider calls through the broker', () => {
  let env: TestHost;
  let bridge: BrokerClient;

  beforeAll(async () => {
    env = await startTestHost();
    await env.login('spotify');
    bridge = await env.bridge((await env.issueAssistant()).assistantKey);
  });
  afterAll(() => env?.stop());

  const search = () =>
    getThroughBroker(bridge, '/v1/search', { q: env.sandbox.spotify.sampleQuery, type: 'track' });
  const searchesSeen = () =>
    env.sandbox.spotify.requests.filter((r) => r.path === '/v1/search').length;

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

describe('provider calls when tokens die or the provider stumbles', () => {
  let env: TestHost;
  let bridge: BrokerClient;

  beforeAll(async () => {
    env = await startTestHost();
    await env.login('spotify');
    bridge = await env.bridge((await env.issueAssistant()).assistantKey);
  });
  afterAll(() => env?.stop());

  it('refreshes once on 401 and retries with the new token', async () => {
    env.sandbox.spotify.expireAccessTokens();
    const answer = await getThroughBroker(bridge, '/v1/search', { q: 'a', type: 'track' });
    expect(answer.status).toBe(200);
    expect(env.host.accounts.summary('spotify').status).toBe('connected');
    const refreshes = await env.host.audit.query({ kind: 'token.refresh', outcome: 'ok' });
    expect(refreshes).toHaveLength(1);
    expect(env.sandbox.spotify.tokenRequestCount().refresh_token).toBe(1);
  });

  it('retries a GET after a 503 and succeeds', async () => {
    env.sandbox.spotify.injectFaults([{ status: 503, pathPrefix: '/v1/search' }]);
    const answer = await getThroughBroker(bridge, '/v1/search', { q: 'a', type: 'track' });
    expect(answer.status).toBe(200);
  });
});
