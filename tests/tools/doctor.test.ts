import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DoctorReport } from '../../protocol/doctor.js';
import { SettingsStore } from '../../electron/host/settings/settings-store.js';
import { runCli } from '../helpers/cli-process.js';
import { startToolSession, type ToolSession } from './tool-session.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const GATED_PATHS = [
  '/v1/tracks',
  '/v1/albums',
  '/v1/artists',
  '/v1/artists/{id}/top-tracks',
  '/v1/me/library/contains',
];

/** Moves the original login back in time, as if the person had logged in `daysAgo` days ago. */
function setConnectedAt(s: ToolSession, daysAgo: number): void {
  SettingsStore.open(s.env.paths.settingsFile).update((settings) => {
    const account = settings.accounts.spotify;
    if (!account) throw new Error('Spotify is not connected');
    const connectedAt = new Date(Date.now() - daysAgo * DAY_MS).toISOString();
    return {
      ...settings,
      accounts: { ...settings.accounts, spotify: { ...account, connectedAt } },
    };
  });
}

function cli(s: ToolSession, args: string[]) {
  return runCli(['doctor', ...args], { ...process.env, TUNEBRIDGE_HOME: s.env.home });
}

describe('spotify_doctor and tunebridge doctor, through the bridge and the CLI', () => {
  let s: ToolSession;

  beforeAll(async () => {
    s = await startToolSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('reports the account, scopes, token, rate limit and the closed endpoint families', async () => {
    const mark = s.mark();
    const answer = await s.call<DoctorReport>('spotify_doctor');
    expect(answer.isError).toBe(false);
    const report = DoctorReport.parse(answer.structured);
    expect(report.account).toMatchObject({
      status: 'connected',
      accountId: 'sandbox-listener',
      displayName: 'Sandbox Listener',
      premium: true,
    });
    expect(report.scopes.groups.map((group) => group.group)).toEqual([
      'read',
      'playback',
      'library-write',
      'playlists-write',
    ]);
    for (const group of report.scopes.groups) {
      expect(group).toMatchObject({ requested: true, missing: [] });
      expect(group.needed.length).toBeGreaterThan(0);
    }
    // Six months after the original login, whatever the refreshes since.
    const connectedAt = new Date(report.token.connectedAt ?? '');
    const ends = new Date(connectedAt);
    ends.setUTCMonth(ends.getUTCMonth() + 6);
    expect(report.token).toMatchObject({
      state: 'ok',
      refreshTokenExpiresAt: ends.toISOString(),
    });
    expect(report.token.daysLeft).toBeGreaterThan(170);
    expect(report.rateLimit).toEqual({ coolingDown: false });
    expect(report.gated.map((probe) => [probe.path, probe.outcome, probe.status])).toEqual(
      GATED_PATHS.map((path) => [path, 'forbidden', 403]),
    );
    expect(report.advice).toEqual([]);
    expect(answer.text).toMatch(/^Spotify doctor/);
    expect(answer.text).toMatch(/Account: Sandbox Listener \(sandbox-listener\) · Premium · GB/);
    expect(answer.text).toMatch(
      /Artist top tracks \(GET \/v1\/artists\/\{id\}\/top-tracks\): closed/,
    );

    // One search for sample IDs, then each family exactly once.
    const sent = s.requestsSince(mark).map((request) => request.path);
    expect(sent).toHaveLength(6);
    expect(sent[0]).toBe('/v1/search');
    expect(sent.filter((path) => path === '/v1/tracks')).toHaveLength(1);
    expect(sent.filter((path) => path.endsWith('/top-tracks'))).toHaveLength(1);

    // The probes are audited like any other call.
    const records = await s.env.host.audit.query({ kind: 'api.call' });
    expect(records.filter((record) => record.message === 'doctor probe')).toHaveLength(6);
  });

  it('shows reachable families when the registration is not gated', async () => {
    s.env.sandbox.spotify.setGating(false);
    try {
      const answer = await s.call<DoctorReport>('spotify_doctor');
      expect(answer.structured.gated.map((probe) => probe.outcome)).toEqual(
        GATED_PATHS.map(() => 'reachable'),
      );
    } finally {
      s.env.sandbox.spotify.setGating(true);
    }
  });

  it('warns two weeks before the login ends, and says when it has ended', async () => {
    setConnectedAt(s, 175);
    const soon = await s.call<DoctorReport>('spotify_doctor');
    expect(soon.structured.token.state).toBe('expiring-soon');
    expect(soon.structured.token.daysLeft).toBeLessThanOrEqual(14);
    expect(soon.structured.advice[0]).toMatch(/ends this login on \d{4}-\d\d-\d\d .*log in again/);
    expect(soon.text).toMatch(/Token: login ends on \d{4}-\d\d-\d\d \(\d+ days left\)/);

    setConnectedAt(s, 200);
    const ended = await cli(s, []);
    expect(ended.code).toBe(1);
    expect(ended.stdout).toMatch(/Token: login ended on/);
    expect(ended.stdout).toMatch(/log in again/);

    setConnectedAt(s, 1);
  });

  it('gives the same report on the command line, as text or JSON', async () => {
    // Four independent runs of the CLI, started together.
    const [text, json, tidal, bad] = await Promise.all([
      cli(s, []),
      cli(s, ['--json']),
      cli(s, ['tidal']),
      cli(s, ['deezer']),
    ]);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Spotify doctor/);
    expect(text.stdout).toMatch(/Read library and history: 10\/10 — ok/);
    expect(text.stdout).toMatch(/Rate limit: not limited/);
    expect(text.stdout).toMatch(/All is well\./);

    const report = DoctorReport.parse(JSON.parse(json.stdout));
    expect(report.account.premium).toBe(true);
    expect(report.gated).toHaveLength(GATED_PATHS.length);
    // The CLI's probes are audited under its own name.
    const records = await s.env.host.audit.query({ kind: 'api.call' });
    expect(records.some((record) => record.assistantName === 'tunebridge doctor')).toBe(true);

    expect(tidal.code).toBe(1);
    expect(tidal.stdout).toMatch(/TIDAL doctor/);
    expect(tidal.stdout).toMatch(/TIDAL is not connected/);

    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Usage: tunebridge doctor/);
  });

  it('refuses an assistant whose Spotify access is switched off', async () => {
    s.env.host.assistants.setPolicy(s.assistantId, {
      groups: ['read'],
      providers: ['tidal'],
      paused: false,
    });
    try {
      const answer = await s.call('spotify_doctor');
      expect(answer.isError).toBe(true);
      expect(answer.text).toMatch(/Spotify is switched off for .* Turn it on under Assistants/);
    } finally {
      s.allow();
    }
  });

  it('shows a provider cool-down and sends no probes while it lasts', async () => {
    s.env.sandbox.spotify.injectFaults([
      { status: 429, retryAfterSeconds: 3600, pathPrefix: '/v1/search' },
    ]);
    const limited = await s.call('spotify_search', { query: s.env.sandbox.spotify.sampleQuery });
    expect(limited.isError).toBe(true);
    expect(limited.text).toMatch(/rate limiting.*try again in 60 min/);

    const mark = s.mark();
    const answer = await s.call<DoctorReport>('spotify_doctor');
    expect(answer.isError).toBe(false);
    const { rateLimit, gated, advice } = answer.structured;
    expect(rateLimit.coolingDown).toBe(true);
    expect(rateLimit.retryAfterSeconds).toBeGreaterThan(3500);
    expect(Date.parse(rateLimit.until ?? '') - Date.now()).toBeGreaterThan(3500_000);
    expect(gated.every((probe) => probe.outcome === 'rate-limited')).toBe(true);
    expect(advice.join(' ')).toMatch(/rate limiting TuneBridge; calls fail fast until/);
    expect(answer.text).toMatch(/Rate limit: cooling down until \S+ \(retry in \d+ s\)/);
    expect(s.requestsSince(mark)).toEqual([]);
  });

  it('sends only requests the Spotify spec allows', () => {
    expect(s.specProblems()).toEqual([]);
  });
});

describe('spotify_doctor for an account without Premium', () => {
  let s: ToolSession;

  beforeAll(async () => {
    s = await startToolSession({ person: 'free' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('says playback control is unavailable', async () => {
    const answer = await s.call<DoctorReport>('spotify_doctor');
    expect(answer.isError).toBe(false);
    expect(answer.structured.account).toMatchObject({ product: 'free', premium: false });
    expect(answer.structured.advice.join(' ')).toMatch(/not Premium, so playback control/);
    expect(answer.text).toMatch(/free \(not Premium: playback control is unavailable\)/);
    expect(s.specProblems()).toEqual([]);
  });
});
