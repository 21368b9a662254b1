import * as z from 'zod';
import type { ToolContext } from '../define-tool.js';
import { ToolError } from '../tool-error.js';
import { chunk, getJson, OffsetPage, parseBody, playlistFailure, send } from './spotify-api.js';
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

const CHANGES = {
  POST: { what: 'add tracks', to: 'add tracks to the playlist', verb: 'added' },
  DELETE: { what: 'remove tracks', to: 'remove tracks from the playlist', verb: 'removed' },
} as const;

/**
 * Adds (POST) or removes (DELETE) `items` through `/playlists/{id}/items`, WRITE_CHUNK at a time;
 * `body` builds each request from its part and how many went before. A failure part-way says how
 * far it got. Resolves with the last snapshot_id and the number of requests sent.
 */
export async function changePlaylistItems<T>(
  context: ToolContext,
  change: {
    playlistId: string;
    method: 'POST' | 'DELETE';
    items: readonly T[];
    body: (part: T[], done: number) => Record<string, unknown>;
  },
): Promise<{ snapshotId: string | undefined; requests: number }> {
  const { playlistId, method, items, body } = change;
  const { what, to, verb } = CHANGES[method];
  let done = 0;
  let requests = 0;
  let snapshotId: string | undefined;
  for (const part of chunk(items, WRITE_CHUNK)) {
    try {
      const response = await send(
        context,
        { method, path: `/v1/playlists/${playlistId}/items`, body: body(part, done) },
        to,
        playlistFailure,
      );
      snapshotId = parseBody(SnapshotResponse, response.body, what).snapshot_id;
    } catch (error) {
      throw partial(error, done, items.length, verb);
    }
    done += part.length;
    requests += 1;
  }
  return { snapshotId, requests };
}

/** A failure part-way through a chunked change says how far it got. */
export function partial(error: unknown, done: number, total: number, verb: string): unknown {
  if (!(error instanceof ToolError) || done === 0) return error;
  return new ToolError(
    error.code,
    `${error.message} ${done} of ${total} tracks were ${verb} before this; call again with the rest.`,
  );
}
