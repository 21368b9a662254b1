import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { followPages, getDocument, profile, ResourceIndex } from './tidal-api.js';
import { tracksFor } from './tidal-catalog.js';
import { albumLine, CatalogId, TidalAlbum, TidalTrack, toAlbum, trackLine } from './tidal-items.js';
import { UnexpectedAnswer } from '../unexpected-answer.js';

export const getTidalAlbum = defineTool({
  name: 'tidal_get_album',
  title: 'Get a TIDAL album with its tracks',
  description: 'One TIDAL album: title, artists, release date and every track on it.',
  provider: 'tidal',
  scopes: ['user.read'],
  kind: 'read',
  idempotent: true,
  input: z.object({ album_id: CatalogId.describe('TIDAL album id or tidal.com link.') }),
  output: z.object({ album: TidalAlbum, tracks: z.array(TidalTrack), truncated: z.boolean() }),
  async run({ album_id }, context) {
    const me = await profile(context);
    const document = await getDocument(
      context,
      `/v2/albums/${album_id}`,
      { countryCode: me.country, include: 'artists' },
      `read album ${album_id}`,
    );
    const index = new ResourceIndex().addDocument(document);
    const resource = index.get('albums', album_id);
    if (!resource) {
      throw new UnexpectedAnswer(
        'tidal',
        `read album ${album_id}`,
        `no albums ${album_id} in the document`,
      );
    }
    const album = toAlbum(resource, index);
    const items = await followPages(
      context,
      `/v2/albums/${album_id}/relationships/items`,
      { countryCode: me.country, include: 'items,items.artists' },
      `read the tracks of album ${album_id}`,
      { maxPages: 20 },
    );
    const tracks = await tracksFor(context, items.identifiers, me.country, items.index);
    const lines = tracks.map((track, i) => trackLine(i + 1, { ...track, album: undefined }));
    return {
      structured: { album, tracks, truncated: items.truncated },
      text: [albumLine(1, album).replace(/^1\. /, ''), ...lines].join('\n'),
    };
  },
});
