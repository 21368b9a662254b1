import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { mutate } from './tidal-api.js';
import { PlaylistId } from './tidal-items.js';
import { DryRun } from '../dry-run.js';

export const updateTidalPlaylist = defineTool({
  name: 'tidal_update_playlist_details',
  title: 'Change a TIDAL playlist’s details',
  description:
    'Rename a TIDAL playlist the person owns, or change its description or visibility. Use dry_run to preview.',
  provider: 'tidal',
  scopes: ['playlists.write'],
  kind: 'write',
  idempotent: true,
  input: z
    .object({
      playlist_id: PlaylistId,
      name: z.string().trim().min(1).max(100).optional(),
      description: z.string().trim().max(500).optional(),
      public: z.boolean().optional(),
      dry_run: DryRun,
    })
    .refine((v) => v.name !== undefined || v.description !== undefined || v.public !== undefined, {
      message: 'Give a name, description or public to change.',
    }),
  output: z.object({ playlistId: z.string(), dryRun: z.boolean(), changed: z.array(z.string()) }),
  async run({ playlist_id, name, description, public: isPublic, dry_run }, context) {
    const attributes = {
      ...(name !== undefined ? { name } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(isPublic !== undefined ? { accessType: isPublic ? 'PUBLIC' : 'UNLISTED' } : {}),
    };
    if (dry_run) {
      return {
        structured: { playlistId: playlist_id, dryRun: true, changed: [] },
        text: `Dry run: would change ${Object.keys(attributes).join(', ')} of tidal playlist ${playlist_id}. Nothing was changed.`,
      };
    }
    await mutate(
      context,
      {
        method: 'PATCH',
        path: `/v2/playlists/${playlist_id}`,
        body: { data: { id: playlist_id, type: 'playlists', attributes } },
      },
      `change playlist ${playlist_id}`,
    );
    const changed = Object.keys(attributes);
    return {
      structured: { playlistId: playlist_id, dryRun: false, changed },
      text: `Changed ${changed.join(', ')} of tidal playlist ${playlist_id}.`,
    };
  },
});
