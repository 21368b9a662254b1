import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { chunk, mutate, TIDAL_WRITE_CHUNK } from './tidal-api.js';
import { PlaylistId } from './tidal-items.js';
import { playlistTracks } from './tidal-radio.js';
import { profile } from './tidal-api.js';
import { DryRun } from '../dry-run.js';

export const removeFromTidalPlaylist = defineTool({
  name: 'tidal_remove_from_playlist',
  title: 'Remove tracks from a TIDAL playlist',
  description:
    'Remove tracks from a TIDAL playlist the person owns: every occurrence of track_ids, or exactly item_ids. Use dry_run to preview.',
  provider: 'tidal',
  scopes: ['playlists.write', 'playlists.read', 'user.read'],
  kind: 'destructive',
  idempotent: true,
  input: z
    .object({
      playlist_id: PlaylistId,
      track_ids: z
        .array(
          z
            .string()
            .trim()
            .regex(/^\d{1,12}$/),
        )
        .max(1000)
        .optional(),
      item_ids: z
        .array(z.string().trim().min(1).max(100))
        .max(1000)
        .optional()
        .describe('Item ids from tidal_get_playlist: exactly these entries.'),
      dry_run: DryRun,
    })
    .refine((v) => (v.track_ids?.length ?? 0) + (v.item_ids?.length ?? 0) > 0, {
      message: 'Give track_ids or item_ids.',
    }),
  output: z.object({
    playlistId: z.string(),
    dryRun: z.boolean(),
    removed: z.number(),
    remaining: z.number().optional(),
  }),
  async run({ playlist_id, track_ids = [], item_ids = [], dry_run }, context) {
    const wanted = new Set(track_ids);
    const items: Array<{ id: string; itemId: string }> = [];
    const me = await profile(context);
    const { items: pages } = await playlistTracks(context, playlist_id, me.country, 100);
    const explicit = new Set(item_ids);
    for (const identifier of pages.identifiers) {
      const itemId = identifier.meta?.itemId;
      if (typeof itemId !== 'string') continue;
      if (wanted.has(identifier.id) || explicit.has(itemId))
        items.push({ id: identifier.id, itemId });
    }
    if (dry_run) {
      const remaining = pages.identifiers.length - items.length;
      return {
        structured: { playlistId: playlist_id, dryRun: true, removed: 0, remaining },
        text: `Dry run: would remove ${items.length} items from tidal playlist ${playlist_id}, leaving ${remaining}. Nothing was changed.`,
      };
    }
    for (const part of chunk(items, TIDAL_WRITE_CHUNK)) {
      await mutate(
        context,
        {
          method: 'DELETE',
          path: `/v2/playlists/${playlist_id}/relationships/items`,
          body: {
            data: part.map((item) => ({
              id: item.id,
              type: 'tracks',
              meta: { itemId: item.itemId },
            })),
          },
        },
        `remove tracks from playlist ${playlist_id}`,
      );
    }
    return {
      structured: { playlistId: playlist_id, dryRun: false, removed: items.length },
      text: items.length
        ? `Removed ${items.length} items from tidal playlist ${playlist_id}.`
        : `None of those tracks are in tidal playlist ${playlist_id}; nothing was removed.`,
    };
  },
});
