import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../sandbox/index.js';
import { loadSpecValidator, requestProblems } from '../helpers/openapi-validator.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';
import { connectAssistant, type Assistant } from './tool-session.js';

// The host's proxy gets 1.5 s per request (8 s in production) so the session runs in seconds;
// the sandbox's 429s ask for 1 s, so most are waited out and retried within the budget.
const BUDGET_MS = 1_500;
const MAX_ATTEMPTS = 4;
// Bridge, broker and sandbox time on top of the budget, on a loaded machine.
const SLACK_MS = 1_500;
const CALLS = 100;
const RETRYABLE = new Set([429, 503]);

interface CallRecord {
  name: string;
  isError: boolean;
  text: string;
  ms: number;
  requests: RecordedRequest[];
}

const spec = loadSpecValidator('spotify');

/** Requests of one call, grouped into the logical requests the tool made (retries together). */
function logicalRequests(requests: RecordedRequest[]): RecordedRequest[][] {
  const groups: RecordedRequest[][] = [];
  let current: RecordedRequest[] = [];
  const key = (r: RecordedRequest) => `${r.method} ${r.path} ${JSON.stringify(r.query)}`;
  for (const request of requests) {
    const last = current[current.length - 1];
    // A retry repeats the request that failed; anything else starts a new logical request.
    if (last && RETRYABLE.has(last.status) && key(last) === key(request)) {
      current.push(request);
    } else {
      if (current.length > 0) groups.push(current);
      current = [request];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

describe('a 100-call session against a sandbox failing 30% of requests with 429 or 503', () => {
  let env: TestHost;
  let assistant: Assistant;
  const calls: CallRecord[] = [];

  beforeAll(async () => {
    env = await startTestHost({ retryBudgetMs: BUDGET_MS });
    await env.login('spotify');
    // Through the built bridge over stdio: the budget holds for the whole path an assistant sees.
    assistant = await connectAssistant(env, 'Fault session', {
      assistantName: 'fault-session',
      groups: ['playback'],
      via: 'stdio',
    });
  });
  afterAll(async () => {
    await assistant?.close();
    await env?.stop();
  });

  async function call(name: string, args: Record<string, unknown> = {}): Promise<CallRecord> {
    const mark = env.sandbox.spotify.requests.length;
    const started = performance.now();
    const { isError, text } = await assistant.call(name, args);
    const record = {
      name,
      isError,
      text,
      ms: performance.now() - started,
      requests: env.sandbox.spotify.requests.slice(mark),
    };
    return record;
  }

  it('ends every call in a result or a clear error that says when to retry, within budget', async () => {
    // IDs to use, read before the faults start.
    const found = await call('spotify_search', { query: env.sandbox.spotify.sampleQuery });
    const trackUri = /spotify:track:[0-9A-Za-z]{22}/.exec(found.text)?.[0];
    const playlists = await call('spotify_list_my_playlists', { limit: 1 });
    const playlistUri = /spotify:playlist:[0-9A-Za-z]{22}/.exec(playlists.text)?.[0];
    expect(trackUri).toBeDefined();
    expect(playlistUri).toBeDefined();

    const script: Array<[string, Record<string, unknown>]> = [
      ['spotify_search', { query: env.sandbox.spotify.sampleQuery, limit: 5 }],
      ['spotify_get_playback', {}],
      ['spotify_get_track', { track_id: trackUri }],
      ['spotify_get_saved_tracks', { limit: 10 }],
      ['spotify_get_playlist', { playlist_id: playlistUri, limit: 20 }],
      ['spotify_get_queue', {}],
      ['spotify_list_devices', {}],
      ['spotify_get_recently_played', { limit: 5 }],
      ['spotify_set_volume', { volume_percent: 40 }],
      ['spotify_get_profile', {}],
    ];
    env.sandbox.spotify.setRandomFaults({
      share: 0.3,
      statuses: [429, 503],
      retryAfterSeconds: 1,
      seed: 20261128,
    });
    try {
      for (let i = 0; i < CALLS; i += 1) {
        const [name, args] = script[i % script.length] ?? script[0]!;
        calls.push(await call(name, args));
      }
    } finally {
      env.sandbox.spotify.setRandomFaults(undefined);
    }

    const all = calls.flatMap((c) => c.requests);
    const faulted = all.filter((r) => RETRYABLE.has(r.status)).length;
    // The sandbox really did fail about 30% of what the host sent.
    expect(faulted / all.length).toBeGreaterThan(0.2);
    expect(faulted / all.length).toBeLessThan(0.4);

    for (const c of calls) {
      const context = `${c.name}: ${c.text}`;
      if (c.isError) {
        // Rate limited after the host's retries, or a 503 it could not retry away: either way
        // the person is told to wait, and for how long.
        expect(c.text, context).toMatch(
          /rate limiting requests; try again in \d+ s\. TuneBridge already retried within its budget\.|had a problem \(HTTP 503\).*Try again in a minute\./,
        );
      }
      const groups = logicalRequests(c.requests);
      expect(groups.length, context).toBeGreaterThan(0);
      for (const attempts of groups) {
        expect(attempts.length, context).toBeLessThanOrEqual(MAX_ATTEMPTS);
      }
      // Each logical request has its own budget; none ran past it.
      expect(c.ms, context).toBeLessThanOrEqual(groups.length * BUDGET_MS + SLACK_MS);
    }

    const succeeded = calls.filter((c) => !c.isError).length;
    const retried = calls.filter((c) => logicalRequests(c.requests).some((g) => g.length > 1));
    // Most calls get through: the host retried them rather than handing the failure on.
    expect(succeeded).toBeGreaterThan(CALLS * 0.8);
    expect(retried.length).toBeGreaterThan(10);
    expect(retried.filter((c) => !c.isError).length).toBeGreaterThan(0);
  }, 120_000);

  it('fails at once, with the time to retry, when Spotify asks for longer than the budget', async () => {
    env.sandbox.spotify.injectFaults([{ status: 429, retryAfterSeconds: 3600 }]);
    const limited = await call('spotify_get_profile');
    expect(limited.isError).toBe(true);
    expect(limited.text).toMatch(/try again in 60 min/);
    expect(limited.requests).toHaveLength(1);
    expect(limited.ms).toBeLessThan(BUDGET_MS);

    // Later calls don't touch Spotify while the cool-down lasts, and don't wait for it.
    const next = await call('spotify_get_track', { track_id: '4uLU6hMCjMI75M1A2tKUQC' });
    expect(next.isError).toBe(true);
    expect(next.text).toMatch(/try again in 60 min/);
    expect(next.requests).toEqual([]);
    expect(next.ms).toBeLessThan(BUDGET_MS);
  });

  it('sends only requests the Spotify spec allows', () => {
    expect(requestProblems(spec, env.sandbox.spotify.requests, '/v1/')).toEqual([]);
  });
});
