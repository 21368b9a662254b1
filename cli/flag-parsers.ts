import { InvalidArgumentError } from 'commander';

/*
 * Parsers for flags and arguments: each turns the text into a value or throws commander's
 * InvalidArgumentError, which commander reports naming the flag, as a usage error (exit 2).
 */

/** One of a fixed list, case-insensitive: `login SPOTIFY` works, `login spotfy` says what would. */
export function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    const lower = value.toLowerCase();
    const found = allowed.find((item) => item === lower);
    if (!found) throw new InvalidArgumentError(`Use one of: ${allowed.join(', ')}.`);
    return found;
  };
}

export function positiveInteger(max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1 || number > max) {
      throw new InvalidArgumentError(`Give a whole number from 1 to ${max}.`);
    }
    return number;
  };
}

export function port(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > 65_535) {
    throw new InvalidArgumentError('Give a port number from 0 to 65535 (0 picks a free one).');
  }
  return number;
}

const UNITS_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/**
 * A moment as the person writes it: an ISO date or time, `30m`, `1h`, `2d`, `1w` ago, `today`
 * or `yesterday` (local midnight). Returns the ISO timestamp the audit query takes.
 */
export function pointInTime(now: () => Date = () => new Date()) {
  return (value: string): string => {
    const text = value.trim().toLowerCase();
    const relative = /^(\d+)\s*([mhdw])$/.exec(text);
    if (relative?.[1] && relative[2]) {
      const ms = Number(relative[1]) * (UNITS_MS[relative[2]] ?? 0);
      return new Date(now().getTime() - ms).toISOString();
    }
    if (text === 'today' || text === 'yesterday') {
      const day = now();
      day.setHours(0, 0, 0, 0);
      if (text === 'yesterday') day.setDate(day.getDate() - 1);
      return day.toISOString();
    }
    if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
      const parsed = Date.parse(value);
      if (!Number.isNaN(parsed)) return new Date(parsed).toISOString();
    }
    throw new InvalidArgumentError(
      'Give a date or time (2026-11-30, 2026-11-30T08:00Z), a span back from now (30m, 1h, 2d, 1w), today or yesterday.',
    );
  };
}

/** The ids the host gives waiting changes (UUIDs), so `deny <id>` is told from `deny <name> …`. */
export const APPROVAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function approvalId(value: string): string {
  if (!APPROVAL_ID.test(value)) {
    throw new InvalidArgumentError('Give the id `tunebridge approvals` shows for that change.');
  }
  return value;
}
