import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { DryRun, spotifyId, TrackUri } from './spotify-inputs.js';
import { changePlaylistItems, playlistUris, WRITE_CHUNK } from './playlist-items.js';

const output = z.object({
  playlistId: z.string(),
  dryRun: z.boolean(),
  added: z.number(),
  wouldAdd: z.number().optional(),
  skippedDuplicates: z.number(),
  requests: z.number(),
  snapshotId: z.string().optional(),
});

export const addToPlaylist = defineTool({
  name: 'spotify_add_to_playlist',
  title: 'Add tracks to a playlist',
  description:
    'Add tracks to a playlist the person owns, optionally skipping ones already in it. Use dry_run to preview. Returns the new snapshot_id.',
  provider: 'spotify',
  scopes: ['playlist-modify-public', 'playlist-modify-private', 'playlist-read-private'],
  kind: 'write',
  idempotent: false,
  input: z.object({
    playlist_id: spotifyId('playlist').describe('Playlist ID or spotify:playlist: URI.'),
    uris: z.array(TrackUri).min(1).max(10_000).describe('Tracks to add, in order.'),
    position: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .optional()
      .describe('Insert at this position (0-based); default the end.'),
    skip_duplicates: z
      .boolean()
      .default(false)
      .describe('Leave out tracks already in the playlist, and repeats in uris.'),
    dry_run: DryRun,
  }),
  output,
  async run({ playlist_id, uris, position, skip_duplicates, dry_run }, context) {
    let toAdd = uris;
    if (skip_duplicates || dry_run) {
      const present = new Set(await playlistUris(context, playlist_id));
      if (skip_duplicates) {
        toAdd = [...new Set(uris)].filter((uri) => !present.has(uri));
      }
    }
    const skippedDuplicates = uris.length - toAdd.length;
    const result: z.infer<typeof output> = {
      playlistId: playlist_id,
      dryRun: dry_run,
      added: 0,
      skippedDuplicates,
      requests: 0,
    };
    const skipped = skippedDuplicates > 0 ? `, skipping ${skippedDuplicates} duplicates` : '';
    if (dry_run) {
      result.wouldAdd = toAdd.length;
      return {
        structured: result,
        text: `Dry run: would add ${toAdd.length} tracks to spotify:playlist:${playlist_id}${skipped}, in ${Math.ceil(toAdd.length / WRITE_CHUNK)} requests. Nothing was changed.`,
      };
    }
    const sent = await changePlaylistItems(context, {
      playlistId: playlist_id,
      method: 'POST',
      items: toAdd,
      body: (part, done) => ({
        uris: part,
        ...(position !== undefined ? { position: position + done } : {}),
      }),
    });
    result.added = toAdd.length;
    result.requests = sent.requests;
    if (sent.snapshotId !== undefined) result.snapshotId = sent.snapshotId;
    return {
      structured: result,
      text:
        result.added > 0
          ? `Added ${result.added} tracks to spotify:playlist:${playlist_id}${skipped}. New snapshot_id: ${result.snapshotId ?? 'unknown'}.`
          : `Nothing to add: all ${uris.length} tracks are already in the playlist.`,
    };
  },
});
