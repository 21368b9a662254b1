import type { AuditRecord } from '../../../protocol/audit.js';
import type { RefusalReason } from '../../../protocol/security.js';
import { classifyRecord } from './classify-record.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Kept a little past the 30-day chart, so "its usual calls" has a week before any day shown. */
const KEEP_MS = 38 * DAY_MS;
const BURST_WINDOW_MS = 10 * 60_000;
const BURST_MIN_FAILURES = 5;
/** A 429 this long after the last one for the same provider starts a new cool-down. */
const COOL_DOWN_GAP_MS = 60_000;

/** One hour's counts. Plain JSON, so the whole state is saved and read back as one file. */
export interface HourCounts {
  toolCalls: Record<string, number>;
  refusals: Partial<Record<RefusalReason, number>>;
  failedAuth: number;
  rateLimited: number;
  coolDowns: number;
  refreshes: number;
  refreshFailures: number;
  pinMismatches: number;
}

export interface FailedAuthBurst {
  start: number;
  end: number;
  count: number;
}

export interface CounterState {
  version: 1;
  /** The last audit record counted: a restart counts only the records after it. */
  throughSeq: number;
  /** Keyed by the hour's start, in ms since the epoch. */
  hours: Record<string, HourCounts>;
  names: Record<string, string>;
  lastRateLimitAt: Record<string, number>;
  recentFailedAuth: number[];
  bursts: FailedAuthBurst[];
}

export function emptyState(): CounterState {
  return {
    version: 1,
    throughSeq: 0,
    hours: {},
    names: {},
    lastRateLimitAt: {},
    recentFailedAuth: [],
    bursts: [],
  };
}

function emptyHour(): HourCounts {
  return {
    toolCalls: {},
    refusals: {},
    failedAuth: 0,
    rateLimited: 0,
    coolDowns: 0,
    refreshes: 0,
    refreshFailures: 0,
    pinMismatches: 0,
  };
}

export function hourStart(time: number): number {
  return Math.floor(time / HOUR_MS) * HOUR_MS;
}

/**
 * Adds one audit record to the per-hour counters: the work of a Security view request is then a
 * walk over at most 720 hours, whatever the size of the log.
 */
export function countRecord(state: CounterState, record: AuditRecord): void {
  if (record.seq <= state.throughSeq) return;
  state.throughSeq = record.seq;
  const time = Date.parse(record.time);
  if (Number.isNaN(time)) return;
  if (record.assistantId && record.assistantName)
    state.names[record.assistantId] = record.assistantName;
  const classified = classifyRecord(record);
  if (!classified) return;
  const key = String(hourStart(time));
  const hour = (state.hours[key] ??= emptyHour());
  switch (classified.counter) {
    case 'toolCalls': {
      const who = record.assistantId ?? 'unknown';
      hour.toolCalls[who] = (hour.toolCalls[who] ?? 0) + 1;
      break;
    }
    case 'refusals': {
      const reason = classified.reason ?? 'other';
      hour.refusals[reason] = (hour.refusals[reason] ?? 0) + 1;
      break;
    }
    case 'rateLimited': {
      hour.rateLimited += 1;
      const provider = record.provider ?? 'unknown';
      const last = state.lastRateLimitAt[provider];
      if (last === undefined || time - last > COOL_DOWN_GAP_MS) hour.coolDowns += 1;
      state.lastRateLimitAt[provider] = time;
      break;
    }
    case 'failedAuth':
      hour.failedAuth += 1;
      noteFailedAuth(state, time);
      break;
    default:
      hour[classified.counter] += 1;
  }
}

/** Five or more failed sign-ins within ten minutes make (or extend) a burst. */
function noteFailedAuth(state: CounterState, time: number): void {
  state.recentFailedAuth = state.recentFailedAuth.filter((t) => time - t < BURST_WINDOW_MS);
  state.recentFailedAuth.push(time);
  if (state.recentFailedAuth.length < BURST_MIN_FAILURES) return;
  const last = state.bursts.at(-1);
  if (last && time - last.end < BURST_WINDOW_MS) {
    last.end = time;
    last.count += 1;
  } else {
    state.bursts.push({
      start: state.recentFailedAuth[0] ?? time,
      end: time,
      count: state.recentFailedAuth.length,
    });
  }
}

/** Drops hours and bursts too old for any chart. */
export function pruneState(state: CounterState, now: number): void {
  const oldest = now - KEEP_MS;
  for (const key of Object.keys(state.hours)) {
    if (Number(key) < oldest) delete state.hours[key];
  }
  state.bursts = state.bursts.filter((burst) => burst.end >= oldest);
}
