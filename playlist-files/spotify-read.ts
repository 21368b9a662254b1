import * as z from 'zod';
import { MAX_ENTRIES, type Entry } from './entry.js';
import type { JsonGet } from './json-get.js';

/**
 * Reading a Spotify playlist or the saved tracks, page by page, shared by the bridge's tools and
 * the host's export for the window; each passes its own `get`, with its own errors.
 */
export type SpotifyGet = JsonGet;

/** `/playlists/{id}/items` and `/me/tracks` read 50 at a time. */
const READ_PAGE = 50;

const Track = z
  .object({
    id: z.string().nullable().optional(),
    type: z.string().optional(),
    name: z.string(),
    duration_ms: z.number(),
    artists: z.array(z.object({ name: z.string() })),
    album: z.object({ name: z.string(), release_date: z.string().optional() }).loose().optional(),
    external_ids: z.object({ isrc: z.string().optional() }).loose().optional(),
  })
  .loose();
const ItemsPage = z.object({
  items: z.array(
    z.object({ added_at: z.string().nullable().optional(), item: z.unknown().optional() }).loose(),
  ),
  next: z.string().nullable().optional(),
});
const SavedPage = z.object({
  items: z.array(z.object({ added_at: z.string().optional(), track: z.unknown() }).loose()),
  next: z.string().nullable().optional(),
});

/** Turns a Spotify track object (from a playlist or the saved library) into an Entry. */
export function spotifyEntry(
  item: unknown,
  position: number,
  addedAt?: string | null,
): Entry | undefined {
  const parsed = Track.safeParse(item);
  if (!parsed.success || !parsed.data.id || (parsed.data.type && parsed.data.type !== 'track'))
    return undefined;
  const track = parsed.data;
  return {
    trackId: track.id ?? '',
    position,
    ...(addedAt ? { addedAt } : {}),
    title: track.name,
    artists: track.artists.map((artist) => artist.name),
    ...(track.album ? { album: track.album.name } : {}),
    ...(track.album?.release_date ? { releaseDate: track.album.release_date } : {}),
    durationMs: track.duration_ms,
    ...(track.external_ids?.isrc ? { isrc: track.external_ids.isrc } : {}),
  };
}

export interface SpotifyTracks {
  entries: Entry[];
  /** Every item read, episodes and unavailable ones included. */
  items: number;
  /** Longer than MAX_ENTRIES: only the first part was read. */
  truncated: boolean;
}

/** Reads page after page until the service says there is no more, or MAX_ENTRIES. */
async function readPages<Item>(
  page: (query: Record<string, string>) => Promise<{ items: Item[]; next?: string | null }>,
  toEntry: (item: Item, position: number) => Entry | undefined,
): Promise<SpotifyTracks> {
  const entries: Entry[] = [];
  let items = 0;
  for (let offset = 0; offset < MAX_ENTRIES; offset += READ_PAGE) {
    const read = await page({ limit: String(READ_PAGE), offset: String(offset) });
    items += read.items.length;
    for (const [i, raw] of read.items.entries()) {
      // Episodes and unavailable items keep their place but take no part.
      const entry = toEntry(raw, offset + i);
      if (entry) entries.push(entry);
    }
    if (!read.next || read.items.length === 0) return { entries, items, truncated: false };
  }
  return { entries, items, truncated: true };
}

/** A playlist's name and tracks. */
export async function readSpotifyPlaylist(
  get: SpotifyGet,
  playlistId: string,
): Promise<SpotifyTracks & { name: string }> {
  const meta = await get(
    `/v1/playlists/${playlistId}`,
    { fields: 'name' },
    z.object({ name: z.string() }).loose(),
    'read the Spotify playlist',
  );
  const tracks = await readPages(
    (query) =>
      get(
        `/v1/playlists/${playlistId}/items`,
        query,
        ItemsPage,
        'read the Spotify playlist’s tracks',
      ),
    (raw, position) => spotifyEntry(raw.item, position, raw.added_at),
  );
  return { name: meta.name, ...tracks };
}

/** Liked Songs, newest first as Spotify lists them. */
export function readSpotifySaved(get: SpotifyGet): Promise<SpotifyTracks> {
  return readPages(
    (query) => get('/v1/me/tracks', query, SavedPage, 'read your Liked Songs'),
    (raw, position) => spotifyEntry(raw.track, position, raw.added_at),
  );
}
