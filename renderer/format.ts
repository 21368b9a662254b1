const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** "3 minutes ago", "in 55 minutes". */
export function fromNow(iso: string | undefined, now = Date.now()): string {
  if (!iso) return 'never';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return 'unknown';
  const delta = time - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size || unit === 'second') {
      return relative.format(Math.round(delta / size), unit);
    }
  }
  return relative.format(0, 'second');
}

export function dateAndTime(iso: string | undefined): string {
  if (!iso) return '—';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateTime.format(time);
}

export function clockTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toLocaleTimeString();
}

const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})\b/g;

/** A message with every ISO timestamp in it told in local time ("Valid until 10:19:51"). */
export function localizeTimes(text: string): string {
  return text.replace(ISO_TIME, (iso) => dateAndTime(iso));
}

/** Local and relative together, for a detail line: "30 Nov 2026, 10:14:51 (3 minutes ago)". */
export function localAndRelative(iso: string, now = Date.now()): string {
  return `${dateAndTime(iso)} (${fromNow(iso, now)})`;
}

/** A row's time: relative within the day ("3 minutes ago"), the local date and time after. */
export function rowTime(iso: string, now = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return Math.abs(now - time) < 86_400_000 ? fromNow(iso, now) : dateAndTime(iso);
}
