import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { DryRun, spotifyId, TrackUri } from './spotify-inputs.js';
import { changePlaylistItems, playlistUris } from './playlist-items.js';

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
    const { snapshotId } = await changePlaylistItems(context, {
      playlistId: playlist_id,
      method: 'DELETE',
      items: unique,
      body: (part) => ({
        items: part.map((uri) => ({ uri })),
        ...(snapshot_id ? { snapshot_id } : {}),
      }),
    });
    return {
      structured: { playlistId: playlist_id, dryRun: false, tracks: unique.length, snapshotId },
      text: `Removed ${unique.length} tracks (every occurrence) from spotify:playlist:${playlist_id}. New snapshot_id: ${snapshotId ?? 'unknown'}.`,
    };
  },
});
