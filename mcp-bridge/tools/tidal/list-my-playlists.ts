import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { readOwnedTidalPlaylists } from '../../../playlist-files/tidal-read.js';
import { jsonGet } from './tidal-api.js';
import { playlistLine, TidalPlaylist, toPlaylist } from './tidal-items.js';

export const listMyTidalPlaylists = defineTool({
  name: 'tidal_list_my_playlists',
  title: 'List my TIDAL playlists',
  description: 'The playlists the person owns on TIDAL, newest first, with their ids.',
  provider: 'tidal',
  scopes: ['playlists.read', 'user.read'],
  kind: 'read',
  idempotent: true,
  input: z.object({
    limit: z.number().int().min(1).max(500).default(50).describe('At most this many.'),
  }),
  output: z.object({ playlists: z.array(TidalPlaylist), truncated: z.boolean() }),
  async run({ limit }, context) {
    const owned = await readOwnedTidalPlaylists(jsonGet(context), limit, 'list your playlists');
    const playlists = owned.playlists.map(({ item, resource }) =>
      toPlaylist(resource ?? { ...item }),
    );
    const truncated = owned.truncated;
    return {
      structured: { playlists, truncated },
      text: `Your TIDAL playlists:\n${playlists.map((p, i) => playlistLine(i + 1, p)).join('\n') || 'None.'}`,
    };
  },
});
