/**
 * Paths in the person's home read as `~/…` wherever a person reads them (the window, the CLI):
 * shorter, and no account name in a screenshot. Only display: files are always opened by their
 * full path.
 */
export function tildePath(text: string, home: string): string {
  const trimmed = home.replace(/[\\/]+$/, '');
  if (trimmed.length < 2) return text;
  const escaped = trimmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The home itself, followed by a separator or the end of the path, not a longer name.
  return text.replace(new RegExp(`${escaped}(?=[\\\\/]|$|[\\s'"\`),:;])`, 'g'), '~');
}

/** Every string in a JSON-like value, with `tildePath` applied. */
export function tildePaths<T>(value: T, home: string): T {
  if (typeof value === 'string') return tildePath(value, home) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => tildePaths(item, home)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, tildePaths(item, home)]),
    ) as T;
  }
  return value;
}
