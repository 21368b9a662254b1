import type { AuditEvent } from '../../protocol/audit.js';
import { AuditLog } from '../../electron/host/audit/audit-log.js';
import { seededRandom } from '../../sandbox/seeded-random.js';

export { seededRandom };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const CLAUDE = { assistantId: 'seed-claude', assistantName: 'Claude Desktop' };
export const CURSOR = { assistantId: 'seed-cursor', assistantName: 'Cursor' };

/**
 * A month of activity relative to `now`: Claude Desktop's usual 4 calls a day and 40 today (a
 * call-volume anomaly), Cursor's calls scattered over the month, refusals of every reason, six
 * failed sign-ins within five minutes two hours ago (a burst), 429s, refreshes with one failure
 * and a certificate-pin mismatch. Written through the real AuditLog, so the chain is valid.
 */
export function seededEvents(now: number, seed = 18): Array<{ time: number; event: AuditEvent }> {
  const random = seededRandom(seed);
  const events: Array<{ time: number; event: AuditEvent }> = [];
  const todayStart = Math.floor(now / DAY) * DAY;
  const add = (time: number, event: AuditEvent) => events.push({ time: Math.round(time), event });
  const tool = (who: typeof CLAUDE, tool: string): AuditEvent => ({
    kind: 'tool.call',
    outcome: 'ok',
    ...who,
    tool,
    provider: 'spotify',
  });
  for (let day = 1; day <= 7; day += 1) {
    for (let call = 0; call < 4; call += 1) {
      add(todayStart - day * DAY + random() * DAY, tool(CLAUDE, 'spotify_search'));
    }
  }
  // Today's 40 calls fall between midnight (UTC) and now, whatever time the test runs.
  for (let call = 0; call < 40; call += 1) {
    add(todayStart + (now - todayStart) * (0.05 + 0.9 * random()), tool(CLAUDE, 'spotify_play'));
  }
  for (let call = 0; call < 25; call += 1) {
    add(now - random() * 29 * DAY, tool(CURSOR, 'spotify_get_playlists'));
  }
  const refusals: Array<[string, AuditEvent['kind']]> = [
    [
      'Cursor may not do this: switch on “Change playlists” for it in TuneBridge (Assistants).',
      'capability.refused',
    ],
    [
      'Spotify is switched off for Cursor in TuneBridge. Turn it on under Assistants to allow this.',
      'capability.refused',
    ],
    [
      'This request needs playlist-modify-private, which the capability does not carry.',
      'api.call',
    ],
    ['The person declined this change when TuneBridge asked, so nothing was changed.', 'api.call'],
    ['Access for Cursor is paused in TuneBridge. Resume it there to continue.', 'tool.call'],
  ];
  refusals.forEach(([message, kind], index) => {
    add(now - (index + 1) * 3 * HOUR - random() * HOUR, {
      kind,
      outcome: 'refused',
      ...CURSOR,
      provider: 'spotify',
      message,
    });
  });
  const burst = now - 2 * HOUR;
  for (let attempt = 0; attempt < 6; attempt += 1) {
    add(burst + attempt * 50_000, {
      kind: 'broker.auth',
      outcome: 'refused',
      message: 'Unknown or revoked client key from "stranger"',
    });
  }
  for (let index = 0; index < 3; index += 1) {
    add(now - (5 + index) * HOUR, {
      kind: 'api.call',
      outcome: 'error',
      ...CURSOR,
      provider: 'spotify',
      method: 'GET',
      path: '/v1/me/playlists',
      status: 429,
      message: 'Rate limited by Spotify: answered 429, retry after 2 s',
    });
  }
  for (let index = 0; index < 5; index += 1) {
    add(now - index * 5 * HOUR - 30 * 60_000, {
      kind: 'token.refresh',
      outcome: 'ok',
      provider: 'spotify',
    });
  }
  add(now - 7 * HOUR, {
    kind: 'token.refresh',
    outcome: 'error',
    provider: 'tidal',
    message: 'Needs login (invalid_grant)',
  });
  add(now - 9 * HOUR, {
    kind: 'alert',
    outcome: 'refused',
    message:
      'TuneBridge refused a connection to api.spotify.com: its certificate did not match the pinned keys. Someone may be intercepting your traffic; if your network inspects TLS on purpose, see docs/CONFIGURATION.md.',
  });
  return events.sort((a, b) => a.time - b.time);
}

/** Writes the seeded events into a data folder's audit log, each at its own time. */
export async function seedAuditLog(auditDir: string, now: number, seed?: number): Promise<void> {
  let clock = now;
  const log = await AuditLog.open(auditDir, { now: () => new Date(clock) });
  for (const { time, event } of seededEvents(now, seed)) {
    clock = time;
    await log.append(event);
  }
  await log.close();
}
