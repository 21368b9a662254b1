import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssistantSummary } from '../../protocol/assistant.js';
import {
  COUNTERS_FILE,
  loadCounters,
  rebuildCounters,
} from '../../electron/host/security/counter-store.js';
import { datesToWatch } from '../../electron/host/security/dates-to-watch.js';
import { findAnomalies } from '../../electron/host/security/anomalies.js';
import { refusalReason } from '../../electron/host/security/classify-record.js';
import { SecurityCounters } from '../../electron/host/security/security-counters-service.js';
import { AuditLog } from '../../electron/host/audit/audit-log.js';
import { CLAUDE, seedAuditLog, seededEvents } from './seed-activity.js';

const NOW = Date.parse('2026-11-30T15:20:00Z');
const DAY = 86_400_000;
const dirs: string[] = [];

async function seededHome(): Promise<{ home: string; auditDir: string }> {
  const home = await mkdtemp(join(tmpdir(), 'tb-counters-'));
  dirs.push(home);
  const auditDir = join(home, 'audit');
  await seedAuditLog(auditDir, NOW);
  return { home, auditDir };
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const names = (id: string) => (id === CLAUDE.assistantId ? CLAUDE.assistantName : 'Cursor');

describe('security counters', () => {
  it('counts as records are written exactly as a rebuild from the log does', async () => {
    const { home, auditDir } = await seededHome();
    const rebuilt = await rebuildCounters(auditDir);
    const counters = new SecurityCounters({
      auditDir: join(home, 'empty-audit'),
      home,
      now: () => NOW,
    });
    const log = await AuditLog.open(auditDir);
    for (const record of (await log.query({ limit: 10_000 })).reverse()) counters.observe(record);
    await log.close();
    await counters.flush();
    const saved = JSON.parse(await readFile(join(home, COUNTERS_FILE), 'utf8'));
    expect(saved.hours).toEqual(rebuilt.hours);
    expect(saved.bursts).toEqual(rebuilt.bursts);
    expect(saved.throughSeq).toBe(seededEvents(NOW).length);
  });

  it('catches up on records written after the last save, and rebuilds when the file is gone', async () => {
    const { home, auditDir } = await seededHome();
    const file = join(home, COUNTERS_FILE);
    const full = await rebuildCounters(auditDir);
    // Saved after the first 50 records only, as after a crash.
    const partial = await rebuildCounters(auditDir);
    partial.throughSeq = 0;
    partial.hours = {};
    partial.bursts = [];
    partial.recentFailedAuth = [];
    partial.lastRateLimitAt = {};
    const log = await AuditLog.open(auditDir);
    const oldestFirst = (await log.query({ limit: 10_000 })).reverse();
    await log.close();
    const { countRecord } = await import('../../electron/host/security/security-counters.js');
    for (const record of oldestFirst.slice(0, 50)) countRecord(partial, record);
    await writeFile(file, JSON.stringify(partial));
    expect((await loadCounters(auditDir, file)).hours).toEqual(full.hours);
    await rm(file);
    expect((await loadCounters(auditDir, file)).hours).toEqual(full.hours);
    // Counters from another, longer log are not trusted.
    await writeFile(file, JSON.stringify({ ...full, throughSeq: 1_000_000, hours: {} }));
    expect((await loadCounters(auditDir, file)).hours).toEqual(full.hours);
  });

  it('finds the call-volume jump and the failed sign-in burst', async () => {
    const { auditDir } = await seededHome();
    const state = await rebuildCounters(auditDir);
    const anomalies = findAnomalies(state, NOW, names);
    const volume = anomalies.find((a) => a.kind === 'call-volume');
    expect(volume?.message).toMatch(
      /^Claude Desktop made 10× its usual calls today: 40 calls, against about 4 a day/,
    );
    expect(volume?.activity).toMatchObject({ kind: 'tool.call', assistantId: CLAUDE.assistantId });
    const burst = anomalies.find((a) => a.kind === 'failed-auth-burst');
    expect(burst?.message).toMatch(/^6 failed sign-ins with an unknown key in 5 minutes/);
    expect(burst?.activity).toMatchObject({ kind: 'broker.auth', outcome: 'refused' });
    expect(anomalies.map((a) => a.kind).sort()).toEqual([
      'call-volume',
      'failed-auth-burst',
      'pin-mismatch',
      'refresh-failure',
    ]);
  });

  it('reads refusal reasons from the sentences the host writes', () => {
    expect(
      refusalReason('Cursor may not do this: switch on “Play” for it in TuneBridge (Assistants).'),
    ).toBe('policy');
    expect(refusalReason('Spotify is switched off for Cursor in TuneBridge.')).toBe('policy');
    expect(
      refusalReason('Access for Cursor is paused in TuneBridge. Resume it there to continue.'),
    ).toBe('paused');
    expect(refusalReason('Spotify did not grant user-read-email. Log in to Spotify again.')).toBe(
      'scope',
    );
    expect(refusalReason('The person declined this change when TuneBridge asked.')).toBe(
      'approval',
    );
    expect(
      refusalReason(
        'Cursor was paused or revoked in TuneBridge while this change waited for approval.',
      ),
    ).toBe('approval');
    expect(refusalReason('A GET request cannot carry a body.')).toBe('other');
  });
});

describe('dates to watch', () => {
  const assistant = (name: string, created: number, lastSeen?: number): AssistantSummary => ({
    assistantId: name.toLowerCase(),
    name,
    createdAt: new Date(created).toISOString(),
    lastSeenAt: lastSeen === undefined ? undefined : new Date(lastSeen).toISOString(),
    revoked: false,
    policy: { providers: ['spotify'], groups: ['read'], paused: false },
  });

  it('gives Spotify’s login end, each key’s last use, and offers idle keys for revocation', () => {
    const dates = datesToWatch({
      now: NOW,
      accounts: [
        {
          provider: 'spotify',
          status: 'connected',
          scopes: [],
          connectedAt: '2026-09-15T10:00:00.000Z',
        },
        {
          provider: 'tidal',
          status: 'connected',
          scopes: [],
          connectedAt: '2026-11-01T10:00:00.000Z',
        },
      ],
      assistants: [
        assistant('Fresh', NOW - 40 * DAY, NOW - 2 * DAY),
        assistant('Idle', NOW - 90 * DAY, NOW - 31 * DAY),
        assistant('Never', NOW - 45 * DAY),
      ],
      pins: { date: '2028-01-28T12:00:00.000Z', root: 'GlobalSign Root CA', missing: [] },
    });
    const spotify = dates.find((d) => d.provider === 'spotify');
    expect(spotify?.date).toBe('2027-03-15T10:00:00.000Z');
    expect(dates.find((d) => d.provider === 'tidal')?.date).toBeUndefined();
    const keys = dates.filter((d) => d.kind === 'key-last-used');
    expect(keys.map((k) => k.revokeAssistantId)).toEqual([undefined, 'idle', 'never']);
    expect(keys[1]?.note).toMatch(/Unused for 31 days/);
    expect(dates.find((d) => d.kind === 'pin-review')?.date).toBe('2028-01-28T12:00:00.000Z');
  });
});
