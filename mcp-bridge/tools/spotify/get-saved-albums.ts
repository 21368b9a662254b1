import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { getJson, OffsetPage, present } from './spotify-api.js';
import { limit, Offset } from './spotify-inputs.js';
import { Album, SpotifyAlbumObject, albumLine, toAlbum } from './spotify-items.js';

const Saved = z.object({ added_at: z.string().optional(), album: SpotifyAlbumObject });

export const getSavedAlbums = defineTool({
  name: 'spotify_get_saved_albums',
  title: 'List saved albums',
  description: 'The albums the person saved to their library, newest first.',
  provider: 'spotify',
  scopes: ['user-library-read'],
  kind: 'read',
  idempotent: true,
  input: z.object({ limit: limit(50, 20), offset: Offset }),
  output: z.object({
    albums: z.array(Album.extend({ addedAt: z.string().optional() })),
    total: z.number(),
    offset: z.number(),
  }),
  async run({ limit, offset }, context) {
    const page = await getJson(
      context,
      '/v1/me/albums',
      { limit: String(limit), offset: String(offset) },
      OffsetPage(Saved),
      'list your saved albums',
    );
    const albums = present(page.items).map((s) => ({ ...toAlbum(s.album), addedAt: s.added_at }));
    return {
      structured: { albums, total: page.total, offset },
      text: [
        `Saved albums (${page.total} in all):`,
        ...albums.map((album, i) => albumLine(offset + i + 1, album)),
      ].join('\n'),
    };
  },
});
