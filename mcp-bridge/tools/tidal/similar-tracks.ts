import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { followPages, profile } from './tidal-api.js';
import { tracksFor } from './tidal-catalog.js';
import { CatalogId, TidalTrack, trackLine } from './tidal-items.js';

export const getSimilarTracks = defineTool({
  name: 'tidal_get_similar_tracks',
  title: 'Tracks similar to a TIDAL track',
  description: 'Tracks by other artists that TIDAL considers similar to the given track.',
  provider: 'tidal',
  scopes: ['user.read'],
  kind: 'read',
  idempotent: true,
  input: z.object({
    track_id: CatalogId.describe('TIDAL track id or tidal.com link.'),
    limit: z.number().int().min(1).max(100).default(20).describe('How many.'),
  }),
  output: z.object({ tracks: z.array(TidalTrack) }),
  async run({ track_id, limit }, context) {
    const me = await profile(context);
    const pages = await followPages(
      context,
      `/v2/tracks/${track_id}/relationships/similarTracks`,
      { countryCode: me.country, include: 'similarTracks' },
      `read tracks similar to ${track_id}`,
      { maxPages: Math.ceil(limit / 20), maxItems: limit },
    );
    const tracks = await tracksFor(
      context,
      pages.identifiers.slice(0, limit),
      me.country,
      pages.index,
    );
    const lines = tracks.map((track, i) => trackLine(i + 1, track));
    return {
      structured: { tracks },
      text: `Similar to tidal track ${track_id}:\n${lines.join('\n') || 'None found.'}`,
    };
  },
});
