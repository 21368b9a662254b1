import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { followPages, profile } from './tidal-api.js';
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
    const me = await profile(context);
    const pages = await followPages(
      context,
      '/v2/playlists',
      { 'filter[owners.id]': 'me', countryCode: me.country },
      'list your playlists',
      { maxPages: Math.ceil(limit / 20), maxItems: limit },
    );
    const playlists = pages.identifiers.slice(0, limit).flatMap((item) => {
      const resource = pages.index.get(item.type, item.id);
      return resource ? [toPlaylist(resource)] : [toPlaylist({ ...item })];
    });
    const truncated = pages.truncated || pages.identifiers.length > limit;
    return {
      structured: { playlists, truncated },
      text: `Your TIDAL playlists:\n${playlists.map((p, i) => playlistLine(i + 1, p)).join('\n') || 'None.'}`,
    };
  },
});
