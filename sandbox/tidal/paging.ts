/** TIDAL's cursor pagination: `page[cursor]` in, `links.next` and `links.meta.nextCursor` out. */

export const PAGE_SIZE = 20;

export interface Page<T> {
  items: T[];
  /** Offset of the first item, for positions. */
  offset: number;
  links: { self: string; next?: string; meta?: { nextCursor: string } };
}

/** Cursors are opaque to clients; here an encoded offset. Undefined when malformed. */
export function decodeCursor(cursor: string | null): number | undefined {
  if (cursor === null) return 0;
  const match = /^o(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match?.[1] ? Number(match[1]) : undefined;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`o${offset}`).toString('base64url');
}

/**
 * One page of `items`; `self` is the path with its query (without the cursor), relative to the
 * API root as TIDAL writes its links.
 */
export function pageOf<T>(
  items: readonly T[],
  offset: number,
  self: string,
  size = PAGE_SIZE,
): Page<T> {
  const slice = items.slice(offset, offset + size);
  const links: Page<T>['links'] = { self };
  if (offset + size < items.length) {
    const nextCursor = encodeCursor(offset + size);
    const joiner = self.includes('?') ? '&' : '?';
    links.next = `${self}${joiner}page%5Bcursor%5D=${nextCursor}`;
    links.meta = { nextCursor };
  }
  return { items: slice, offset, links };
}
