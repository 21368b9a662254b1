const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * A moment as a person reads it in a terminal: how long ago, then the local date and time,
 * e.g. "3 hours ago (30 Nov, 08:14)". JSON output keeps the ISO form.
 */
export function describeTime(
  iso: string,
  now: Date = new Date(),
  /** The person's own unless a test fixes it. */
  locale?: string,
): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const elapsed = at.getTime() - now.getTime();
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(elapsed) >= ms) ?? ['minute', 60_000];
  const ago =
    Math.abs(elapsed) < 60_000 ? 'just now' : relative.format(Math.round(elapsed / size), unit);
  const local = at.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return `${ago} (${local})`;
}
