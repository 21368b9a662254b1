import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getDocument, profile, ResourceIndex } from './tidal-api.js';
import { CatalogId, TidalTrack, toTrack, trackLine } from './tidal-items.js';
import { UnexpectedAnswer } from '../unexpected-answer.js';

export const getTidalTrack = defineTool({
  name: 'tidal_get_track',
  title: 'Get a TIDAL track',
  description: 'Details of one TIDAL track: title, artists, album, duration, ISRC and link.',
  provider: 'tidal',
  scopes: ['user.read'],
  kind: 'read',
  idempotent: true,
  input: z.object({ track_id: CatalogId.describe('TIDAL track id or tidal.com link.') }),
  output: z.object({ track: TidalTrack }),
  async run({ track_id }, context) {
    const me = await profile(context);
    const document = await getDocument(
      context,
      `/v2/tracks/${track_id}`,
      { countryCode: me.country, include: 'albums,artists' },
      `read track ${track_id}`,
    );
    const index = new ResourceIndex().addDocument(document);
    const resource = index.get('tracks', track_id);
    if (!resource) {
      throw new UnexpectedAnswer(
        'tidal',
        `read track ${track_id}`,
        `no tracks ${track_id} in the document`,
      );
    }
    const track = toTrack(resource, index);
    return {
      structured: { track },
      text: `${trackLine(1, track)}${track.isrc ? ` · ISRC ${track.isrc}` : ''}\n${track.url}`,
    };
  },
});
