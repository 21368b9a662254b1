import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import type { ToolContext } from '../define-tool.js';
import { chunk, mutate, TIDAL_WRITE_CHUNK } from './tidal-api.js';
import { PlaylistId } from './tidal-items.js';

/** Adds tracks in chunks of 50 (TIDAL's limit), each with its own Idempotency-Key. */
export async function addTracks(
  context: ToolContext | ((r: Parameters<ToolContext['api']>[0]) => ReturnType<ToolContext['api']>),
  playlistId: string,
  trackIds: readonly string[],
): Promise<number> {
  let requests = 0;
  for (const part of chunk(trackIds, TIDAL_WRITE_CHUNK)) {
    await mutate(
      context,
      {
        method: 'POST',
        path: `/v2/playlists/${playlistId}/relationships/items`,
        body: { data: part.map((id) => ({ id, type: 'tracks' })) },
      },
      `add tracks to playlist ${playlistId}`,
    );
    requests += 1;
  }
  return requests;
}

export const addToTidalPlaylist = defineTool({
  name: 'tidal_add_to_playlist',
  title: 'Add tracks to a TIDAL playlist',
  description:
    'Appends tracks to a TIDAL playlist the person owns, in the order given (sent 50 at a time).',
  provider: 'tidal',
  scopes: ['playlists.write'],
  kind: 'write',
  idempotent: false,
  input: z.object({
    playlist_id: PlaylistId,
    track_ids: z
      .array(
        z
          .string()
          .trim()
          .regex(/^\d{1,12}$/, 'a TIDAL track id'),
      )
      .min(1)
      .max(1000),
  }),
  output: z.object({ playlistId: z.string(), added: z.number(), requests: z.number() }),
  async run({ playlist_id, track_ids }, context) {
    const requests = await addTracks(context, playlist_id, track_ids);
    return {
      structured: { playlistId: playlist_id, added: track_ids.length, requests },
      text: `Added ${track_ids.length} tracks to tidal playlist ${playlist_id}.`,
    };
  },
});
