import {
  RefusalReason,
  type SecurityBucket,
  type SecurityFigures,
  type SecurityRange,
} from '../../../protocol/security.js';
import {
  DAY_MS,
  HOUR_MS,
  hourStart,
  type CounterState,
  type HourCounts,
} from './security-counters.js';

/** 24 hourly buckets ending with the current hour; 7 or 30 UTC days ending with today. */
const SHAPE: Record<SecurityRange, { count: number; size: number }> = {
  '24h': { count: 24, size: HOUR_MS },
  '7d': { count: 7, size: DAY_MS },
  '30d': { count: 30, size: DAY_MS },
};

export function rangeStart(range: SecurityRange, now: number): number {
  const { count, size } = SHAPE[range];
  const last = size === HOUR_MS ? hourStart(now) : Math.floor(now / DAY_MS) * DAY_MS;
  return last - (count - 1) * size;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** The figures of one period, read from the hourly counters (at most 720 of them). */
export function figuresFor(
  state: CounterState,
  range: SecurityRange,
  now: number,
  names: (assistantId: string) => string,
): SecurityFigures {
  const { count, size } = SHAPE[range];
  const from = rangeStart(range, now);
  const buckets: SecurityBucket[] = [];
  const byAssistant = new Map<string, number>();
  const refusals = Object.fromEntries(RefusalReason.options.map((r) => [r, 0])) as Record<
    RefusalReason,
    number
  >;
  let coolDowns = 0;
  for (let index = 0; index < count; index += 1) {
    const start = from + index * size;
    const bucket: SecurityBucket = {
      start: new Date(start).toISOString(),
      toolCalls: 0,
      refusals: 0,
      failedAuth: 0,
      rateLimited: 0,
      refreshes: 0,
      refreshFailures: 0,
      pinMismatches: 0,
    };
    for (let hour = start; hour < start + size; hour += HOUR_MS) {
      const counts: HourCounts | undefined = state.hours[String(hour)];
      if (!counts) continue;
      for (const [who, calls] of Object.entries(counts.toolCalls)) {
        byAssistant.set(who, (byAssistant.get(who) ?? 0) + calls);
        bucket.toolCalls += calls;
      }
      for (const [reason, refused] of Object.entries(counts.refusals)) {
        refusals[reason as RefusalReason] += refused;
        bucket.refusals += refused;
      }
      bucket.failedAuth += counts.failedAuth;
      bucket.rateLimited += counts.rateLimited;
      bucket.refreshes += counts.refreshes;
      bucket.refreshFailures += counts.refreshFailures;
      bucket.pinMismatches += counts.pinMismatches;
      coolDowns += counts.coolDowns;
    }
    buckets.push(bucket);
  }
  return {
    range,
    from: new Date(from).toISOString(),
    to: new Date(now).toISOString(),
    toolCallsByAssistant: [...byAssistant]
      .map(([assistantId, calls]) => ({ assistantId, name: names(assistantId), calls }))
      .sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name)),
    refusalsByReason: refusals,
    failedAuth: sum(buckets.map((b) => b.failedAuth)),
    rateLimited: sum(buckets.map((b) => b.rateLimited)),
    coolDowns,
    refreshes: sum(buckets.map((b) => b.refreshes)),
    refreshFailures: sum(buckets.map((b) => b.refreshFailures)),
    pinMismatches: sum(buckets.map((b) => b.pinMismatches)),
    buckets,
  };
}

/** An assistant's tool calls per UTC day, `days` days back from today (index 0 = today). */
export function dailyCalls(
  state: CounterState,
  assistantId: string,
  now: number,
  days: number,
): number[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const result: number[] = [];
  for (let day = 0; day < days; day += 1) {
    const start = today - day * DAY_MS;
    let calls = 0;
    for (let hour = start; hour < start + DAY_MS; hour += HOUR_MS) {
      calls += state.hours[String(hour)]?.toolCalls[assistantId] ?? 0;
    }
    result.push(calls);
  }
  return result;
}
