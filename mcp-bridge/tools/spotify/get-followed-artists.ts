import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getJson, present } from './spotify-api.js';
import { limit } from './spotify-inputs.js';
import { Artist, SpotifyArtistObject, artistLine, toArtist } from './spotify-items.js';

const FollowingResponse = z.object({
  artists: z.object({
    items: z.array(SpotifyArtistObject.nullable()),
    total: z.number().optional(),
    next: z.string().nullable().optional(),
    cursors: z.object({ after: z.string().nullable().optional() }).nullable().optional(),
  }),
});

export const getFollowedArtists = defineTool({
  name: 'spotify_get_followed_artists',
  title: 'List followed artists',
  description:
    'The artists the person follows. Pages with a cursor: pass the returned `after` to continue.',
  provider: 'spotify',
  scopes: ['user-follow-read'],
  kind: 'read',
  idempotent: true,
  input: z.object({
    limit: limit(50, 20),
    after: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{22}$/, 'Expected the `after` cursor from a previous call')
      .optional(),
  }),
  output: z.object({
    artists: z.array(Artist),
    total: z.number().optional(),
    after: z.string().optional(),
  }),
  async run({ limit, after }, context) {
    const body = await getJson(
      context,
      '/v1/me/following',
      { type: 'artist', limit: String(limit), ...(after ? { after } : {}) },
      FollowingResponse,
      'list followed artists',
    );
    const artists = present(body.artists.items).map(toArtist);
    const next = body.artists.next ? (body.artists.cursors?.after ?? undefined) : undefined;
    return {
      structured: { artists, total: body.artists.total, after: next },
      text: [
        `Followed artists${body.artists.total !== undefined ? ` (${body.artists.total} in all)` : ''}:`,
        ...artists.map((artist, i) => artistLine(i + 1, artist)),
        ...(next ? [`More: call again with after "${next}".`] : []),
      ].join('\n'),
    };
  },
});
