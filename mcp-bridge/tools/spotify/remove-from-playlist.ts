import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { chunk, parseBody, playlistFailure, send } from './spotify-api.js';
import { DryRun, spotifyId, TrackUri } from './spotify-inputs.js';
import { partial, playlistUris, SnapshotResponse, WRITE_CHUNK } from './playlist-items.js';

const output = z.object({
  playlistId: z.string(),
  dryRun: z.boolean(),
  tracks: z.number(),
  entriesInPlaylist: z.number().optional(),
  notInPlaylist: z.number().optional(),
  snapshotId: z.string().optional(),
});

export const removeFromPlaylist = defineTool({
  name: 'spotify_remove_from_playlist',
  title: 'Remove tracks from a playlist',
  description:
    'Remove every occurrence of the given tracks from a playlist the person owns. Use dry_run to show how many entries would go before removing. Returns the new snapshot_id.',
  provider: 'spotify',
  scopes: ['playlist-modify-public', 'playlist-modify-private', 'playlist-read-private'],
  kind: 'destructive',
  idempotent: true,
  input: z.object({
    playlist_id: spotifyId('playlist').describe('Playlist ID or spotify:playlist: URI.'),
    uris: z.array(TrackUri).min(1).max(10_000).describe('Tracks to remove.'),
    snapshot_id: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Only change the playlist as of this snapshot_id.'),
    dry_run: DryRun,
  }),
  output,
  async run({ playlist_id, uris, snapshot_id, dry_run }, context) {
    const unique = [...new Set(uris)];
    if (dry_run) {
      const current = await playlistUris(context, playlist_id);
      const wanted = new Set(unique);
      const entries = current.filter((uri) => wanted.has(uri)).length;
      const inPlaylist = new Set(current);
      const missing = unique.filter((uri) => !inPlaylist.has(uri)).length;
      return {
        structured: {
          playlistId: playlist_id,
          dryRun: true,
          tracks: unique.length,
          entriesInPlaylist: entries,
          notInPlaylist: missing,
        },
        text: `Dry run: would remove ${entries} entries (${unique.length - missing} distinct tracks) from spotify:playlist:${playlist_id}, leaving ${current.length - entries}.${missing > 0 ? ` ${missing} of the tracks are not in it.` : ''} Nothing was changed.`,
      };
    }
    let done = 0;
    let snapshotId: string | undefined;
    for (const part of chunk(unique, WRITE_CHUNK)) {
      try {
        const response = await send(
          context,
          {
            method: 'DELETE',
            path: `/v1/playlists/${playlist_id}/items`,
            body: {
              items: part.map((uri) => ({ uri })),
              ...(snapshot_id ? { snapshot_id } : {}),
            },
          },
          'remove tracks from the playlist',
          playlistFailure,
        );
        snapshotId = parseBody(SnapshotResponse, response.body, 'remove tracks').snapshot_id;
      } catch (error) {
        throw partial(error, done, unique.length, 'removed');
      }
      done += part.length;
    }
    return {
      structured: { playlistId: playlist_id, dryRun: false, tracks: unique.length, snapshotId },
      text: `Removed ${unique.length} tracks (every occurrence) from spotify:playlist:${playlist_id}. New snapshot_id: ${snapshotId ?? 'unknown'}.`,
    };
  },
});
