import * as z from 'zod';
import type { PlaylistChoice } from '../../../protocol/library-export.js';
import type { Entry } from '../../../playlist-files/entry.js';
import { SPOTIFY_LIBRARY } from '../../../playlist-files/export-file.js';
import { readSpotifyPlaylist, readSpotifySaved } from '../../../playlist-files/spotify-read.js';
import type { ExportSource } from '../../../protocol/library-export.js';
import type { ProviderGet } from './provider-get.js';

/** More playlists than anyone picks from a list; past it the window says the list is cut. */
export const MAX_PLAYLIST_CHOICES = 1_000;
const PAGE = 50;

// `items` since Spotify's 2026 Web API changes, `tracks` before; either gives the count.
const Count = z.object({ total: z.number().int().nonnegative() }).loose();
const PlaylistsPage = z.object({
  items: z.array(
    z
      .object({
        id: z.string(),
        name: z.string(),
        items: Count.optional(),
        tracks: Count.optional(),
      })
      .loose()
      .nullable(),
  ),
  next: z.string().nullable().optional(),
});

/** The person's playlists (their own and those they follow), as Spotify orders them. */
export async function spotifyPlaylistChoices(
  get: ProviderGet,
): Promise<{ playlists: PlaylistChoice[]; truncated: boolean }> {
  const playlists: PlaylistChoice[] = [];
  for (let offset = 0; offset < MAX_PLAYLIST_CHOICES; offset += PAGE) {
    const page = await get(
      '/v1/me/playlists',
      { limit: String(PAGE), offset: String(offset) },
      PlaylistsPage,
      'list your Spotify playlists',
    );
    for (const item of page.items) {
      if (!item) continue;
      const total = item.items?.total ?? item.tracks?.total;
      playlists.push({
        id: item.id,
        name: item.name,
        ...(total === undefined ? {} : { tracks: total }),
      });
    }
    if (!page.next || page.items.length === 0) return { playlists, truncated: false };
  }
  return { playlists, truncated: true };
}

/** The tracks of one playlist or of Liked Songs, read as the export tool reads them. */
export async function readSpotifySource(
  get: ProviderGet,
  source: ExportSource,
): Promise<{ name: string; entries: Entry[]; truncated: boolean }> {
  if (source.kind === 'playlist') {
    const { name, entries, truncated } = await readSpotifyPlaylist(get, source.id);
    return { name, entries, truncated };
  }
  const { entries, truncated } = await readSpotifySaved(get);
  return { name: SPOTIFY_LIBRARY.name, entries, truncated };
}
