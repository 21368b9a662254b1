import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { profile } from './tidal-api.js';
import { CatalogId } from './tidal-items.js';
import { radio, RadioOutput, radioText } from './tidal-radio.js';

export const getTrackRadio = defineTool({
  name: 'tidal_get_track_radio',
  title: 'TIDAL track radio',
  description:
    'The TIDAL radio mix for a track: tracks that play well after it, with a link to play it in the TIDAL app.',
  provider: 'tidal',
  scopes: ['playlists.read', 'user.read'],
  kind: 'read',
  idempotent: true,
  input: z.object({ track_id: CatalogId.describe('TIDAL track id or tidal.com link.') }),
  output: RadioOutput,
  async run({ track_id }, context) {
    const me = await profile(context);
    const out = await radio(
      context,
      `/v2/tracks/${track_id}/relationships/radio`,
      {},
      me.country,
      `read the radio for track ${track_id}`,
    );
    return { structured: out, text: radioText(`Track radio for tidal track ${track_id}:`, out) };
  },
});
