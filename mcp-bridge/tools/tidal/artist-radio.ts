import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { profile } from './tidal-api.js';
import { CatalogId } from './tidal-items.js';
import { radio, RadioOutput, radioText } from './tidal-radio.js';

export const getArtistRadio = defineTool({
  name: 'tidal_get_artist_radio',
  title: 'TIDAL artist radio',
  description:
    'The TIDAL radio mix for an artist: their tracks and similar artists, with a link to play it in the TIDAL app.',
  provider: 'tidal',
  scopes: ['playlists.read', 'user.read'],
  kind: 'read',
  idempotent: true,
  input: z.object({ artist_id: CatalogId.describe('TIDAL artist id or tidal.com link.') }),
  output: RadioOutput,
  async run({ artist_id }, context) {
    const me = await profile(context);
    const out = await radio(
      context,
      `/v2/artists/${artist_id}/relationships/radio`,
      { countryCode: me.country },
      me.country,
      `read the radio for artist ${artist_id}`,
    );
    return { structured: out, text: radioText(`Artist radio for tidal artist ${artist_id}:`, out) };
  },
});
