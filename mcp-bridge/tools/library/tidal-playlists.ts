import type { ToolContext } from '../define-tool.js';
import { addTracks } from '../tidal/add-to-playlist.js';
import { postPlaylist } from '../tidal/create-playlist.js';
import { readTidalPlaylist } from '../../../playlist-files/tidal-read.js';
import {
  chunk,
  jsonGet,
  mutate,
  profile,
  TIDAL_WRITE_CHUNK,
  type Call,
} from '../tidal/tidal-api.js';
import { tidalUrl } from '../tidal/tidal-items.js';
import { patientContext } from './patient-context.js';
import type { Entry, PlaylistAccess, PlaylistContents } from './playlist-access.js';

export const TIDAL_PLAYLIST_READ = ['user.read', 'playlists.read'];
export const TIDAL_PLAYLIST_WRITE = ['playlists.write'];
/** TIDAL playlists for hygiene, export, import and sync, through `context.apiFor`. */
export function tidalPlaylists(
  toolContext: ToolContext,
): PlaylistAccess & { country(): Promise<string> } {
  const context = patientContext(toolContext);
  const readCall: Call = (request) => context.apiFor('tidal', TIDAL_PLAYLIST_READ, request);
  const write: Call = (request) => context.apiFor('tidal', TIDAL_PLAYLIST_WRITE, request);
  let country: Promise<string> | undefined;
  const countryCode = () => (country ??= profile(readCall).then((me) => me.country));
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
      const read = await readTidalPlaylist(jsonGet(readCall), playlistId, await countryCode());
      return {
        id: playlistId,
        name: read.name,
        entries: read.entries,
        truncated: read.truncated,
        otherItems: read.items - read.entries.length,
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
