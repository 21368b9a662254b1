import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getJson, OffsetPage, present } from './spotify-api.js';
import { limit, Offset } from './spotify-inputs.js';
import {
  Artist,
  SpotifyArtistObject,
  SpotifyTrackObject,
  Track,
  artistLine,
  toArtist,
  toTrack,
  trackLine,
} from './spotify-items.js';

const RANGE_LABEL = {
  short_term: 'the last 4 weeks',
  medium_term: 'the last 6 months',
  long_term: 'about a year',
} as const;

export const getTopItems = defineTool({
  name: 'spotify_get_top_items',
  title: 'Top tracks or artists',
  description:
    'The person’s most-played tracks or artists: short_term (4 weeks), medium_term (6 months) or long_term (a year).',
  provider: 'spotify',
  scopes: ['user-top-read'],
  kind: 'read',
  idempotent: true,
  input: z.object({
    type: z.enum(['tracks', 'artists']).default('tracks'),
    time_range: z.enum(['short_term', 'medium_term', 'long_term']).default('medium_term'),
    limit: limit(50, 20),
    offset: Offset,
  }),
  output: z.object({
    type: z.enum(['tracks', 'artists']),
    timeRange: z.string(),
    tracks: z.array(Track).optional(),
    artists: z.array(Artist).optional(),
    total: z.number(),
  }),
  async run({ type, time_range, limit, offset }, context) {
    const query = { time_range, limit: String(limit), offset: String(offset) };
    const heading = `Top ${type} over ${RANGE_LABEL[time_range]}:`;
    if (type === 'tracks') {
      const page = await getJson(
        context,
        '/v1/me/top/tracks',
        query,
        OffsetPage(SpotifyTrackObject),
        'read your top tracks',
      );
      const tracks = present(page.items).map(toTrack);
      return {
        structured: { type, timeRange: time_range, tracks, total: page.total },
        text: [heading, ...tracks.map((t, i) => trackLine(offset + i + 1, t))].join('\n'),
      };
    }
    const page = await getJson(
      context,
      '/v1/me/top/artists',
      query,
      OffsetPage(SpotifyArtistObject),
      'read your top artists',
    );
    const artists = present(page.items).map(toArtist);
    return {
      structured: { type, timeRange: time_range, artists, total: page.total },
      text: [heading, ...artists.map((a, i) => artistLine(offset + i + 1, a))].join('\n'),
    };
  },
});
