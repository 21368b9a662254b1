import * as z from 'zod';
import { MAX_ENTRIES, type Entry } from './entry.js';
import { Document, Identifier, ResourceIndex, type Resource } from './json-api.js';
import type { JsonGet } from './json-get.js';

/**
 * Reading TIDAL playlists and favourite tracks, shared by the bridge's tools and the host's
 * export for the window: cursor pages, then the tracks' details 20 at a time where a page's
 * `included` left them out.
 */

/** Cursor pages followed before a list is reported as cut short. */
export const MAX_PAGES = 100;
/** Relationship pages hold 20 items. */
const PAGE_SIZE = 20;
const MAX_ENTRY_PAGES = Math.ceil(MAX_ENTRIES / PAGE_SIZE);

export interface AllPages {
  identifiers: Identifier[];
  index: ResourceIndex;
  /** True when `maxPages` ran out before the last page. */
  truncated: boolean;
}

/** Follows `links.meta.nextCursor` from the first page to the last, at most `maxPages` pages. */
export async function followDocumentPages(
  get: JsonGet,
  path: string,
  query: Record<string, string>,
  what: string,
  options: { maxPages?: number; maxItems?: number } = {},
): Promise<AllPages> {
  const maxPages = options.maxPages ?? MAX_PAGES;
  const identifiers: Identifier[] = [];
  const index = new ResourceIndex();
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const document = await get(
      path,
      cursor ? { ...query, 'page[cursor]': cursor } : query,
      Document,
      what,
    );
    const data = Array.isArray(document.data) ? document.data : [];
    // Resources are identifiers with more; parsing keeps only the identifier's fields.
    identifiers.push(...z.array(Identifier).parse(data));
    // Primary data may be full resources (`GET /playlists`) or identifiers (relationships).
    index.add(data.filter((item) => item.attributes !== undefined));
    index.add(document.included);
    cursor = document.links?.meta?.nextCursor;
    if (!cursor) return { identifiers, index, truncated: false };
    if (options.maxItems !== undefined && identifiers.length >= options.maxItems) break;
  }
  return { identifiers, index, truncated: true };
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** `PT4M31S` → 271000. */
export function durationMs(iso: unknown): number {
  const match =
    typeof iso === 'string' ? /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(iso) : null;
  if (!match) return 0;
  const [, h = '0', m = '0', s = '0'] = match;
  return Math.round((Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000);
}

/** What a track resource says about itself, with its artists and album from `index`. */
export function trackFields(resource: Resource, index: ResourceIndex) {
  const a = resource.attributes ?? {};
  const album = index.related(resource, 'albums')[0];
  const isrc = str(a.isrc);
  return {
    title: str(a.title) ?? '(untitled)',
    artists: index
      .related(resource, 'artists')
      .map((artist) => str(artist.attributes?.name) ?? artist.id),
    ...(album ? { album: str(album.attributes?.title) ?? album.id } : {}),
    durationMs: durationMs(a.duration),
    ...(isrc ? { isrc } : {}),
  };
}

/** Adds to `index` the tracks (with albums and artists) it lacks, 20 per `GET /tracks`. */
export async function loadTracks(
  get: JsonGet,
  trackIds: readonly string[],
  country: string,
  index: ResourceIndex,
): Promise<void> {
  const missing = [...new Set(trackIds)].filter((id) => {
    const known = index.get('tracks', id);
    return !known || index.related(known, 'artists').length === 0;
  });
  for (let i = 0; i < missing.length; i += 20) {
    const ids = missing.slice(i, i + 20);
    const document = await get(
      '/v2/tracks',
      { 'filter[id]': ids.join(','), countryCode: country, include: 'albums,artists' },
      Document,
      'read tracks',
    );
    index.addDocument(document);
  }
}

/** Entries for TIDAL relationship identifiers, with the tracks' details from `index`. */
export async function tidalEntries(
  get: JsonGet,
  identifiers: readonly Identifier[],
  country: string,
  index: ResourceIndex,
): Promise<Entry[]> {
  const trackIds = identifiers.filter((item) => item.type === 'tracks').map((item) => item.id);
  await loadTracks(get, trackIds, country, index);
  // Positions count every item, videos included.
  return identifiers.flatMap((item, position) => {
    if (item.type !== 'tracks') return [];
    const resource = index.get('tracks', item.id);
    if (!resource) return [];
    const track = trackFields(resource, index);
    const album = index.related(resource, 'albums')[0];
    const releaseDate = album?.attributes?.releaseDate;
    const itemId = item.meta?.itemId;
    const addedAt = item.meta?.addedAt;
    return [
      {
        trackId: item.id,
        position,
        ...(typeof itemId === 'string' ? { itemId } : {}),
        ...(typeof addedAt === 'string' ? { addedAt } : {}),
        title: track.title,
        artists: track.artists,
        ...(track.album ? { album: track.album } : {}),
        ...(typeof releaseDate === 'string' ? { releaseDate } : {}),
        durationMs: track.durationMs,
        ...(track.isrc ? { isrc: track.isrc } : {}),
      },
    ];
  });
}

export interface TidalTracks {
  entries: Entry[];
  /** Every item read, videos included. */
  items: number;
  truncated: boolean;
}

const Me = z.object({
  data: z.object({ id: z.string(), attributes: z.object({ country: z.string() }).loose() }),
});

/** The person's user id and country (sent as `countryCode` wherever TIDAL takes one). */
export async function readTidalProfile(get: JsonGet): Promise<{ id: string; country: string }> {
  const me = await get('/v2/users/me', {}, Me, 'read your profile');
  return { id: me.data.id, country: me.data.attributes.country };
}

/**
 * The playlists the person owns, newest first: at most `limit`, each with its resource when the
 * page included it, and whether there were more.
 */
export async function readOwnedTidalPlaylists(
  get: JsonGet,
  limit: number,
  what: string,
): Promise<{ playlists: Array<{ item: Identifier; resource?: Resource }>; truncated: boolean }> {
  const me = await readTidalProfile(get);
  const pages = await followDocumentPages(
    get,
    '/v2/playlists',
    { 'filter[owners.id]': 'me', countryCode: me.country },
    what,
    { maxPages: Math.ceil(limit / PAGE_SIZE), maxItems: limit },
  );
  return {
    playlists: pages.identifiers
      .slice(0, limit)
      .map((item) => ({ item, resource: pages.index.get(item.type, item.id) })),
    truncated: pages.truncated || pages.identifiers.length > limit,
  };
}

/** A playlist's name as TIDAL gives it. */
export const playlistName = (resource: Resource): string =>
  str(resource.attributes?.name) ?? '(unnamed)';

/** A playlist's name and tracks. */
export async function readTidalPlaylist(
  get: JsonGet,
  playlistId: string,
  country: string,
): Promise<TidalTracks & { name: string }> {
  const document = await get(
    `/v2/playlists/${playlistId}`,
    { countryCode: country },
    Document,
    'read the TIDAL playlist',
  );
  const resource = new ResourceIndex().addDocument(document).get('playlists', playlistId);
  const pages = await followDocumentPages(
    get,
    `/v2/playlists/${playlistId}/relationships/items`,
    { countryCode: country, include: 'items,items.artists,items.albums' },
    'read the TIDAL playlist’s tracks',
    { maxPages: MAX_ENTRY_PAGES },
  );
  const entries = await tidalEntries(get, pages.identifiers, country, pages.index);
  return {
    name: resource ? playlistName(resource) : playlistId,
    entries,
    items: pages.identifiers.length,
    truncated: pages.truncated,
  };
}

/** The person's favourite tracks, as their collection lists them. */
export async function readTidalFavourites(
  get: JsonGet,
  userId: string,
  country: string,
): Promise<TidalTracks> {
  const pages = await followDocumentPages(
    get,
    `/v2/userCollections/${userId}/relationships/tracks`,
    { include: 'tracks' },
    'read your TIDAL favourite tracks',
    { maxPages: MAX_ENTRY_PAGES },
  );
  const entries = await tidalEntries(get, pages.identifiers, country, pages.index);
  return { entries, items: pages.identifiers.length, truncated: pages.truncated };
}
