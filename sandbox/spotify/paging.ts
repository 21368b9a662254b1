/** Spotify's paging objects, with hrefs that point back at the sandbox. */

export interface PageAt {
  /** Origin and path, e.g. `http://127.0.0.1:4000/v1/me/tracks`. */
  url: string;
  limit: number;
  offset: number;
  /** Other query parameters to carry into `href`, `next` and `previous`. */
  extra?: Record<string, string | undefined>;
}

export interface Page<T> {
  href: string;
  items: T[];
  limit: number;
  next: string | null;
  offset: number;
  previous: string | null;
  total: number;
}

export function offsetPage<T>(all: readonly T[], at: PageAt): Page<T> {
  const href = (offset: number) => {
    const params = new URLSearchParams({ offset: String(offset), limit: String(at.limit) });
    for (const [name, value] of Object.entries(at.extra ?? {})) {
      if (value !== undefined) params.set(name, value);
    }
    return `${at.url}?${params.toString()}`;
  };
  const total = all.length;
  return {
    href: href(at.offset),
    items: all.slice(at.offset, at.offset + at.limit) as T[],
    limit: at.limit,
    next: at.offset + at.limit < total ? href(at.offset + at.limit) : null,
    offset: at.offset,
    previous: at.offset > 0 ? href(Math.max(0, at.offset - at.limit)) : null,
    total,
  };
}

/**
 * A cursor page. The spec types `next` and the cursors as strings, not nullable, so they are
 * left out when there is no next page rather than sent as null.
 */
export function cursorPage<T>(
  items: readonly T[],
  at: {
    href: string;
    limit: number;
    total?: number;
    next?: string;
    after?: string;
    before?: string;
  },
): Record<string, unknown> {
  const cursors: Record<string, string> = {};
  if (at.after !== undefined) cursors.after = at.after;
  if (at.before !== undefined) cursors.before = at.before;
  return {
    href: at.href,
    items,
    limit: at.limit,
    ...(at.next ? { next: at.next } : {}),
    cursors,
    ...(at.total !== undefined ? { total: at.total } : {}),
  };
}

/** A page of records shaped for the wire; only the page's items are shaped. */
export function shapedPage<T>(
  all: readonly T[],
  at: PageAt,
  shape: (item: T) => unknown,
): Page<unknown> {
  const page = offsetPage(all, at);
  return { ...page, items: page.items.map(shape) };
}
