import type { ExportSource, PlaylistChoice } from '../../../protocol/library-export.js';
import type { Entry } from '../../../playlist-files/entry.js';
import { TIDAL_LIBRARY } from '../../../playlist-files/export-file.js';
import {
  playlistName,
  readOwnedTidalPlaylists,
  readTidalFavourites,
  readTidalPlaylist,
  readTidalProfile,
} from '../../../playlist-files/tidal-read.js';
import type { ProviderGet } from './provider-get.js';
import { MAX_PLAYLIST_CHOICES } from './spotify-library.js';

/** The playlists the person owns on TIDAL, newest first, as `tidal_list_my_playlists` reads them. */
export async function tidalPlaylistChoices(
  get: ProviderGet,
): Promise<{ playlists: PlaylistChoice[]; truncated: boolean }> {
  const owned = await readOwnedTidalPlaylists(
    get,
    MAX_PLAYLIST_CHOICES,
    'list your TIDAL playlists',
  );
  const playlists = owned.playlists.map(({ item, resource }) => {
    const count = resource?.attributes?.numberOfItems;
    return {
      id: item.id,
      name: resource ? playlistName(resource) : item.id,
      ...(typeof count === 'number' ? { tracks: count } : {}),
    };
  });
  return { playlists, truncated: owned.truncated };
}

/** The tracks of one playlist or of the favourite tracks, read as `tidal_export` reads them. */
export async function readTidalSource(
  get: ProviderGet,
  source: ExportSource,
): Promise<{ name: string; entries: Entry[]; truncated: boolean }> {
  const me = await readTidalProfile(get);
  if (source.kind === 'playlist') {
    const { name, entries, truncated } = await readTidalPlaylist(get, source.id, me.country);
    return { name, entries, truncated };
  }
  const { entries, truncated } = await readTidalFavourites(get, me.id, me.country);
  return { name: TIDAL_LIBRARY.name, entries, truncated };
}
