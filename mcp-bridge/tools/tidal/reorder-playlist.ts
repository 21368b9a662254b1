import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { mutate, profile } from './tidal-api.js';
import { PlaylistId } from './tidal-items.js';
import { ToolError } from '../tool-error.js';
import { playlistTracks } from './tidal-radio.js';
import { DryRun } from '../dry-run.js';

export const reorderTidalPlaylist = defineTool({
  name: 'tidal_reorder_playlist',
  title: 'Reorder a TIDAL playlist',
  description:
    'Move `length` tracks starting at range_start to before insert_before (0-based, as in tidal_get_playlist) in a TIDAL playlist the person owns. Use dry_run to preview.',
  provider: 'tidal',
  scopes: ['playlists.write', 'playlists.read', 'user.read'],
  kind: 'write',
  idempotent: false,
  input: z.object({
    playlist_id: PlaylistId,
    range_start: z.number().int().min(0),
    length: z.number().int().min(1).max(20).default(1),
    insert_before: z.number().int().min(0),
    dry_run: DryRun,
  }),
  output: z.object({ playlistId: z.string(), dryRun: z.boolean(), moved: z.number() }),
  async run({ playlist_id, range_start, length, insert_before, dry_run }, context) {
    const me = await profile(context);
    const { items } = await playlistTracks(context, playlist_id, me.country, 100);
    const list = items.identifiers;
    const moving = list.slice(range_start, range_start + length);
    const target = list[insert_before];
    if (moving.length !== length || insert_before > list.length) {
      throw new ToolError(
        'bad_position',
        `Tidal playlist ${playlist_id} has ${list.length} tracks; check range_start, length and insert_before.`,
      );
    }
    if (!target || (insert_before >= range_start && insert_before < range_start + length)) {
      throw new ToolError(
        'bad_position',
        'TIDAL moves tracks to before another track: insert_before must be a position outside the moved range (to move to the end, move the last track up instead).',
      );
    }
    if (dry_run) {
      return {
        structured: { playlistId: playlist_id, dryRun: true, moved: 0 },
        text: `Dry run: would move ${moving.length} track(s) from position ${range_start} to before position ${insert_before} in tidal playlist ${playlist_id}. Nothing was changed.`,
      };
    }
    await mutate(
      context,
      {
        method: 'PATCH',
        path: `/v2/playlists/${playlist_id}/relationships/items`,
        body: {
          data: moving.map((item) => ({
            id: item.id,
            type: 'tracks',
            meta: { itemId: item.meta?.itemId },
          })),
          meta: { positionBefore: String(target.meta?.itemId ?? '') },
        },
      },
      `reorder playlist ${playlist_id}`,
    );
    return {
      structured: { playlistId: playlist_id, dryRun: false, moved: moving.length },
      text: `Moved ${moving.length} track(s) in tidal playlist ${playlist_id}.`,
    };
  },
});
