import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getOffsetPage, pageText } from './spotify-api.js';
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
    const page = await getOffsetPage(
      context,
      '/v1/me/albums',
      { limit, offset },
      Saved,
      'list your saved albums',
    );
    const albums = page.items.map((s) => ({ ...toAlbum(s.album), addedAt: s.added_at }));
    return {
      structured: { albums, total: page.total, offset },
      text: pageText('Saved albums', { total: page.total, offset }, albums, albumLine),
    };
  },
});
