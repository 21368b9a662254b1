import { z } from 'zod';
import type { ToolContext } from '../define-tool.js';
import { ToolError } from '../tool-error.js';
import { getJson, OffsetPage, playlistFailure } from './spotify-api.js';
import { SpotifyPlaylistEntry } from './spotify-items.js';

/** Helpers for the tools that change a playlist's items. */

/** `/playlists/{id}/items` pages at 50; add and remove take at most 100 URIs per request. */
export const READ_PAGE = 50;
export const WRITE_CHUNK = 100;
/** Past this many items a change is "bulk": worth a dry run first. */
export const BULK = 20;

const EntryUri = SpotifyPlaylistEntry.transform((entry) => {
  const item = z.object({ uri: z.string() }).safeParse(entry.item ?? entry.track);
  return item.success ? item.data.uri : undefined;
});

/** Every item URI in the playlist, in order (pages through all of it). */
export async function playlistUris(context: ToolContext, playlistId: string): Promise<string[]> {
  const uris: string[] = [];
  for (let offset = 0; ; offset += READ_PAGE) {
    const page = await getJson(
      context,
      `/v1/playlists/${playlistId}/items`,
      { limit: String(READ_PAGE), offset: String(offset) },
      OffsetPage(EntryUri),
      'read the playlist’s tracks',
      playlistFailure,
    );
    for (const uri of page.items) if (uri) uris.push(uri);
    if (page.items.length === 0 || !page.next) return uris;
  }
}

export const SnapshotResponse = z.object({ snapshot_id: z.string() });

/** A failure part-way through a chunked change says how far it got. */
export function partial(error: unknown, done: number, total: number, verb: string): unknown {
  if (!(error instanceof ToolError) || done === 0) return error;
  return new ToolError(
    error.code,
    `${error.message} ${done} of ${total} tracks were ${verb} before this; call again with the rest.`,
  );
}
