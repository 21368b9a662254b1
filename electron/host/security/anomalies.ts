import type { Anomaly } from '../../../protocol/security.js';
import { DAY_MS, type CounterState } from './security-counters.js';
import { dailyCalls, figuresFor } from './security-figures.js';

/** Today's calls must reach this many times the daily average of the week before… */
const VOLUME_FACTOR = 3;
/** …and this many calls, so 3 calls against a usual 1 is not news. */
const VOLUME_MIN_CALLS = 10;
const USUAL_DAYS = 7;

const iso = (time: number) => new Date(time).toISOString();

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * What is unusual, in sentences a person can act on, each with the Activity filter that lists the
 * records behind it. Read from the counters, never from a scan of the log.
 */
export function findAnomalies(
  state: CounterState,
  now: number,
  names: (assistantId: string) => string,
): Anomaly[] {
  const anomalies: Anomaly[] = [];
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const assistants = new Set<string>();
  for (const hour of Object.values(state.hours)) {
    for (const who of Object.keys(hour.toolCalls)) assistants.add(who);
  }
  for (const assistantId of [...assistants].sort()) {
    const [callsToday = 0, ...before] = dailyCalls(state, assistantId, now, USUAL_DAYS + 1);
    const usual = before.reduce((a, b) => a + b, 0) / USUAL_DAYS;
    if (usual <= 0 || callsToday < VOLUME_MIN_CALLS || callsToday < VOLUME_FACTOR * usual) {
      continue;
    }
    const factor = Math.floor((callsToday / usual) * 10) / 10;
    anomalies.push({
      kind: 'call-volume',
      message: `${names(assistantId)} made ${factor}× its usual calls today: ${plural(callsToday, 'call')}, against about ${Math.round(usual * 10) / 10} a day over the week before.`,
      time: iso(now),
      activity: { kind: 'tool.call', assistantId, since: iso(today) },
    });
  }
  const monthAgo = now - 30 * DAY_MS;
  for (const burst of state.bursts.filter((b) => b.end >= monthAgo)) {
    const minutes = Math.max(1, Math.ceil((burst.end - burst.start) / 60_000));
    anomalies.push({
      kind: 'failed-auth-burst',
      message: `${plural(burst.count, 'failed sign-in')} with an unknown key in ${plural(minutes, 'minute')}, on ${iso(burst.start).slice(0, 16).replace('T', ' ')} UTC. If that was not you, run a lockdown.`,
      time: iso(burst.end),
      activity: {
        kind: 'broker.auth',
        outcome: 'refused',
        since: iso(burst.start),
        until: iso(burst.end),
      },
    });
  }
  const day = figuresFor(state, '24h', now, names);
  if (day.refreshFailures > 0) {
    anomalies.push({
      kind: 'refresh-failure',
      message: `A provider login could not be refreshed ${plural(day.refreshFailures, 'time')} in the last 24 hours; log in again under Accounts.`,
      time: iso(now),
      activity: { kind: 'token.refresh', outcome: 'error', since: day.from },
    });
  }
  if (day.pinMismatches > 0) {
    anomalies.push({
      kind: 'pin-mismatch',
      message: `${plural(day.pinMismatches, 'connection')} to a provider showed a certificate that matched none of the pinned keys in the last 24 hours: someone may be intercepting your traffic.`,
      time: iso(now),
      activity: { kind: 'alert', outcome: 'refused', since: day.from },
    });
  }
  return anomalies.sort((a, b) => b.time.localeCompare(a.time));
}
