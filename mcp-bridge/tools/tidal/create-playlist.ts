import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { mutate, parseDocument, ResourceIndex } from './tidal-api.js';
import { TidalPlaylist, toPlaylist } from './tidal-items.js';
import { DryRun } from '../dry-run.js';

export const createTidalPlaylist = defineTool({
  name: 'tidal_create_playlist',
  title: 'Create a TIDAL playlist',
  description:
    'Create an empty TIDAL playlist (unlisted unless public is true); add tracks with tidal_add_to_playlist.',
  provider: 'tidal',
  scopes: ['playlists.write'],
  kind: 'write',
  idempotent: false,
  input: z.object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(500).optional(),
    public: z.boolean().default(false).describe('Public (findable) or unlisted (link only).'),
    dry_run: DryRun,
  }),
  output: z.object({ dryRun: z.boolean(), playlist: TidalPlaylist.optional() }),
  async run({ name, description, public: isPublic, dry_run }, context) {
    if (dry_run) {
      return {
        structured: { dryRun: true },
        text: `Dry run: would create the ${isPublic ? 'public' : 'unlisted'} TIDAL playlist “${name}”. Nothing was changed.`,
      };
    }
    const response = await mutate(
      context,
      {
        method: 'POST',
        path: '/v2/playlists',
        body: {
          data: {
            type: 'playlists',
            attributes: {
              name,
              ...(description !== undefined ? { description } : {}),
              accessType: isPublic ? 'PUBLIC' : 'UNLISTED',
            },
          },
        },
      },
      'create the playlist',
    );
    const document = parseDocument(response.body, 'create the playlist');
    const data = Array.isArray(document.data) ? document.data[0] : document.data;
    if (!data) throw new Error('created playlist missing');
    const playlist = toPlaylist(new ResourceIndex().add([data]).get(data.type, data.id) ?? data);
    return {
      structured: { dryRun: false, playlist },
      text: `Created “${playlist.name}” (tidal playlist ${playlist.id}) · ${playlist.url}`,
    };
  },
});
