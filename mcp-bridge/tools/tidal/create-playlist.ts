import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { ToolError } from '../tool-error.js';
import { mutate, parseDocument, ResourceIndex, type Resource } from './tidal-api.js';
import { TidalPlaylist, toPlaylist } from './tidal-items.js';
import { DryRun } from '../dry-run.js';

/**
 * Creates a TIDAL playlist and returns the resource TIDAL answered with. Shared by this tool and
 * the tools that make a playlist on the way (copy, combine, import).
 */
export async function postPlaylist(
  context: Parameters<typeof mutate>[0],
  attributes: { name: string; description?: string; accessType: 'PUBLIC' | 'UNLISTED' },
): Promise<Resource> {
  const response = await mutate(
    context,
    {
      method: 'POST',
      path: '/v2/playlists',
      body: {
        data: {
          type: 'playlists',
          attributes: {
            name: attributes.name,
            ...(attributes.description !== undefined
              ? { description: attributes.description }
              : {}),
            accessType: attributes.accessType,
          },
        },
      },
    },
    'create the TIDAL playlist',
  );
  const document = parseDocument(response.body, 'create the TIDAL playlist');
  const data = Array.isArray(document.data) ? document.data[0] : document.data;
  if (!data)
    throw new ToolError(
      'bad_response',
      'TIDAL created the playlist but did not say its id. Look for it in TIDAL.',
    );
  return data;
}

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
    const data = await postPlaylist(context, {
      name,
      description,
      accessType: isPublic ? 'PUBLIC' : 'UNLISTED',
    });
    const playlist = toPlaylist(new ResourceIndex().add([data]).get(data.type, data.id) ?? data);
    return {
      structured: { dryRun: false, playlist },
      text: `Created “${playlist.name}” (tidal playlist ${playlist.id}) · ${playlist.url}`,
    };
  },
});
