import type { ExportSource, PlaylistChoice } from '../../../protocol/library-export.js';
import type { Entry } from '../../../playlist-files/entry.js';
import { TIDAL_LIBRARY } from '../../../playlist-files/export-file.js';
import {
  followDocumentPages,
  playlistName,
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
  const me = await readTidalProfile(get);
  const pages = await followDocumentPages(
    get,
    '/v2/playlists',
    { 'filter[owners.id]': 'me', countryCode: me.country },
    'list your TIDAL playlists',
    { maxPages: Math.ceil(MAX_PLAYLIST_CHOICES / 20), maxItems: MAX_PLAYLIST_CHOICES },
  );
  const playlists = pages.identifiers.slice(0, MAX_PLAYLIST_CHOICES).map((item) => {
    const resource = pages.index.get(item.type, item.id);
    const count = resource?.attributes?.numberOfItems;
    return {
      id: item.id,
      name: resource ? playlistName(resource) : item.id,
      ...(typeof count === 'number' ? { tracks: count } : {}),
    };
  });
  return {
    playlists,
    truncated: pages.truncated || pages.identifiers.length > MAX_PLAYLIST_CHOICES,
  };
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
