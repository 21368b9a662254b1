import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import type { ToolContext } from '../define-tool.js';
import { chunk, mutate, TIDAL_WRITE_CHUNK } from './tidal-api.js';
import { PlaylistId } from './tidal-items.js';
import { DryRun } from '../dry-run.js';

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
    'Append tracks to a TIDAL playlist the person owns, in the order given. Use dry_run to preview.',
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
    dry_run: DryRun,
  }),
  output: z.object({
    playlistId: z.string(),
    dryRun: z.boolean(),
    added: z.number(),
    requests: z.number(),
  }),
  async run({ playlist_id, track_ids, dry_run }, context) {
    if (dry_run) {
      const requests = Math.ceil(track_ids.length / TIDAL_WRITE_CHUNK);
      return {
        structured: { playlistId: playlist_id, dryRun: true, added: 0, requests: 0 },
        text: `Dry run: would append ${track_ids.length} tracks to tidal playlist ${playlist_id} in ${requests} request(s). Nothing was changed.`,
      };
    }
    const requests = await addTracks(context, playlist_id, track_ids);
    return {
      structured: { playlistId: playlist_id, dryRun: false, added: track_ids.length, requests },
      text: `Added ${track_ids.length} tracks to tidal playlist ${playlist_id}.`,
    };
  },
});
