import type { ToolContext } from '../define-tool.js';
import { addTracks } from '../tidal/add-to-playlist.js';
import { postPlaylist } from '../tidal/create-playlist.js';
import {
  chunk,
  followPages,
  getDocument,
  mutate,
  profile,
  ResourceIndex,
  TIDAL_WRITE_CHUNK,
  type Call,
  type Identifier,
} from '../tidal/tidal-api.js';
import { tracksFor } from '../tidal/tidal-catalog.js';
import { tidalUrl, toPlaylist } from '../tidal/tidal-items.js';
import { patientContext } from './patient-context.js';
import {
  MAX_ENTRIES,
  type Entry,
  type PlaylistAccess,
  type PlaylistContents,
} from './playlist-access.js';

export const TIDAL_PLAYLIST_READ = ['user.read', 'playlists.read'];
export const TIDAL_PLAYLIST_WRITE = ['playlists.write'];
/** Relationship pages hold 20 items. */
const PAGE_SIZE = 20;

/** Entries for TIDAL relationship identifiers, with the tracks' details from `index`. */
export async function tidalEntries(
  read: Call,
  identifiers: readonly Identifier[],
  country: string,
  index: ResourceIndex,
): Promise<Entry[]> {
  const tracks = identifiers.filter((item) => item.type === 'tracks');
  const details = new Map((await tracksFor(read, tracks, country, index)).map((t) => [t.id, t]));
  // Positions count every item, videos included.
  return identifiers.flatMap((item, position) => {
    if (item.type !== 'tracks') return [];
    const track = details.get(item.id);
    if (!track) return [];
    const resource = index.get('tracks', item.id);
    const album = resource ? index.related(resource, 'albums')[0] : undefined;
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

/** TIDAL playlists for hygiene, export, import and sync, through `context.apiFor`. */
export function tidalPlaylists(
  toolContext: ToolContext,
): PlaylistAccess & { country(): Promise<string> } {
  const context = patientContext(toolContext);
  const read: Call = (request) => context.apiFor('tidal', TIDAL_PLAYLIST_READ, request);
  const write: Call = (request) => context.apiFor('tidal', TIDAL_PLAYLIST_WRITE, request);
  let country: Promise<string> | undefined;
  const countryCode = () => (country ??= profile(read).then((me) => me.country));
  const itemsPath = (id: string) => `/v2/playlists/${id}/relationships/items`;
  const removeItems = async (playlistId: string, entries: readonly Entry[]) => {
    const items = entries.filter((entry) => entry.itemId !== undefined);
    for (const part of chunk(items, TIDAL_WRITE_CHUNK)) {
      await mutate(
        write,
        {
          method: 'DELETE',
          path: itemsPath(playlistId),
          body: {
            data: part.map((e) => ({ id: e.trackId, type: 'tracks', meta: { itemId: e.itemId } })),
          },
        },
        'remove tracks from the TIDAL playlist',
      );
    }
  };

  return {
    service: 'tidal',
    country: countryCode,
    async read(playlistId): Promise<PlaylistContents> {
      const c = await countryCode();
      const document = await getDocument(
        read,
        `/v2/playlists/${playlistId}`,
        { countryCode: c },
        'read the TIDAL playlist',
      );
      const resource = new ResourceIndex().addDocument(document).get('playlists', playlistId);
      const pages = await followPages(
        read,
        itemsPath(playlistId),
        { countryCode: c, include: 'items,items.artists,items.albums' },
        'read the TIDAL playlist’s tracks',
        { maxPages: Math.ceil(MAX_ENTRIES / PAGE_SIZE) },
      );
      const entries = await tidalEntries(read, pages.identifiers, c, pages.index);
      return {
        id: playlistId,
        name: resource ? toPlaylist(resource).name : playlistId,
        entries,
        truncated: pages.truncated,
        otherItems: pages.identifiers.length - entries.length,
      };
    },
    removeEntries: (playlist, remove) => removeItems(playlist.id, remove),
    async replaceAll(playlist, trackIds) {
      await removeItems(playlist.id, playlist.entries);
      await addTracks(write, playlist.id, trackIds);
    },
    append: async (playlistId, trackIds) => {
      await addTracks(write, playlistId, trackIds);
    },
    create: async (name, description) =>
      (await postPlaylist(write, { name, description, accessType: 'UNLISTED' })).id,
    url: (id) => tidalUrl('playlist', id),
  };
}
