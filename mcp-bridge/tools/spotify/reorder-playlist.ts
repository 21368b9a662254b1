import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { parseBody, playlistFailure, send } from './spotify-api.js';
import { spotifyId } from './spotify-inputs.js';
import { SnapshotResponse } from './playlist-items.js';

const Index = z.number().int().min(0).max(10_000);

export const reorderPlaylist = defineTool({
  name: 'spotify_reorder_playlist',
  title: 'Move tracks within a playlist',
  description:
    'Move range_length tracks starting at range_start (0-based positions, see spotify_get_playlist) to just before insert_before. Returns the new snapshot_id.',
  provider: 'spotify',
  scopes: ['playlist-modify-public', 'playlist-modify-private'],
  kind: 'write',
  idempotent: false,
  input: z.object({
    playlist_id: spotifyId('playlist').describe('Playlist ID or spotify:playlist: URI.'),
    range_start: Index.describe('Position of the first track to move.'),
    insert_before: Index.describe('Position to move them before (the length moves to the end).'),
    range_length: z.number().int().min(1).max(10_000).default(1),
    snapshot_id: z.string().trim().min(1).max(200).optional(),
  }),
  output: z.object({ playlistId: z.string(), snapshotId: z.string() }),
  async run({ playlist_id, range_start, insert_before, range_length, snapshot_id }, context) {
    const response = await send(
      context,
      {
        method: 'PUT',
        path: `/v1/playlists/${playlist_id}/items`,
        body: { range_start, insert_before, range_length, ...(snapshot_id ? { snapshot_id } : {}) },
      },
      'reorder the playlist',
      playlistFailure,
    );
    const { snapshot_id: snapshotId } = parseBody(SnapshotResponse, response.body, 'reorder');
    return {
      structured: { playlistId: playlist_id, snapshotId },
      text: `Moved ${range_length} track${range_length === 1 ? '' : 's'} from position ${range_start} to before ${insert_before}. New snapshot_id: ${snapshotId}.`,
    };
  },
});
