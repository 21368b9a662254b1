import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startToolSession, type ToolSession } from './tool-session.js';

const TRACK_LINE = /^\d+\. .+ — .+ · \d+:\d\d · spotify:track:[0-9A-Za-z]{22}/m;

describe('Spotify personal tools, through the bridge', () => {
  let s: ToolSession;

  beforeAll(async () => {
    // A 1 s retry budget: the last test's 503s are retried twice rather than for 1.4 s.
    s = await startToolSession({ retryBudgetMs: 1_000 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('reads the profile', async () => {
    const answer = await s.call<{ displayName: string; premium: boolean; email: string }>(
      'spotify_get_profile',
    );
    expect(answer.isError).toBe(false);
    expect(answer.structured).toMatchObject({
      displayName: 'Sandbox Listener',
      premium: true,
      email: 'listener@sandbox.tunebridge.invalid',
    });
    expect(answer.text).toMatch(/Sandbox Listener \(spotify:user:sandbox-listener\) · Premium/);
  });

  it('reads recently played tracks, page by page', async () => {
    const history = s.state().recentlyPlayed;
    const first = await s.call<{ plays: Array<{ track: { uri: string } }>; before: number }>(
      'spotify_get_recently_played',
      { limit: 3 },
    );
    expect(first.isError).toBe(false);
    expect(first.structured.plays.map((p) => p.track.uri)).toEqual(
      history.slice(0, 3).map((h) => s.uri('track', h.recordingKey)),
    );
    expect(first.text).toMatch(TRACK_LINE);
    const next = await s.call<{ plays: Array<{ track: { uri: string } }> }>(
      'spotify_get_recently_played',
      { limit: 3, before: first.structured.before },
    );
    expect(next.structured.plays[0]?.track.uri).toBe(
      s.uri('track', history[3]?.recordingKey ?? ''),
    );
  });

  it('reads top tracks and artists by time range', async () => {
    const tracks = await s.call<{ tracks: unknown[]; total: number }>('spotify_get_top_items', {
      time_range: 'short_term',
      limit: 5,
    });
    expect(tracks.isError).toBe(false);
    expect(tracks.structured.tracks).toHaveLength(5);
    expect(tracks.text).toMatch(/^Top tracks over the last 4 weeks:/);
    expect(tracks.text).toMatch(TRACK_LINE);

    const artists = await s.call<{ artists: Array<{ uri: string }> }>('spotify_get_top_items', {
      type: 'artists',
      time_range: 'long_term',
    });
    expect(artists.structured.artists.length).toBeGreaterThan(0);
    expect(artists.structured.artists[0]?.uri).toMatch(/^spotify:artist:/);

    const bad = await s.call('spotify_get_top_items', { time_range: 'forever' });
    expect(bad.isError).toBe(true);
    expect(bad.text).toMatch(/is not valid/);
  });

  it('sent only requests the Spotify spec documents', () => {
    expect(s.specProblems()).toEqual([]);
  });

  it('says Spotify had a problem when it keeps failing', async () => {
    s.env.sandbox.spotify.injectFaults([{ status: 503, times: 10, pathPrefix: '/v1/me' }]);
    const answer = await s.call('spotify_get_profile');
    expect(answer.isError).toBe(true);
    expect(answer.text).toMatch(/had a problem \(HTTP 503\).*Try again/);
  });
});
