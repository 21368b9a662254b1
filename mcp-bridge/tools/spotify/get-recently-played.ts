import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getJson } from './spotify-api.js';
import { limit } from './spotify-inputs.js';
import { SpotifyTrackObject, Track, toTrack, trackLine } from './spotify-items.js';

const History = z.object({
  items: z.array(
    z.object({
      track: SpotifyTrackObject,
      played_at: z.string(),
      context: z.object({ uri: z.string() }).nullable().optional(),
    }),
  ),
  cursors: z.object({ before: z.string().optional() }).nullable().optional(),
  next: z.string().nullable().optional(),
});

export const getRecentlyPlayed = defineTool({
  name: 'spotify_get_recently_played',
  title: 'Recently played tracks',
  description:
    'The tracks the person played most recently, newest first, with when. Pass `before` (from a previous call) for older ones.',
  provider: 'spotify',
  scopes: ['user-read-recently-played'],
  kind: 'read',
  idempotent: true,
  input: z.object({
    limit: limit(50, 20),
    before: z
      .number()
      .int()
      .min(1)
      .max(Number.MAX_SAFE_INTEGER)
      .optional()
      .describe('Unix time in ms: only plays before it.'),
  }),
  output: z.object({
    plays: z.array(
      z.object({ playedAt: z.string(), contextUri: z.string().optional(), track: Track }),
    ),
    before: z.number().optional(),
  }),
  async run({ limit, before }, context) {
    const body = await getJson(
      context,
      '/v1/me/player/recently-played',
      { limit: String(limit), ...(before !== undefined ? { before: String(before) } : {}) },
      History,
      'read your listening history',
    );
    const plays = body.items.map((item) => ({
      playedAt: item.played_at,
      contextUri: item.context?.uri,
      track: toTrack(item.track),
    }));
    // Spotify documents the cursor as a string; only a Unix time in ms can be passed back as
    // `before`, so anything else means there is no older page to offer.
    const cursor = body.next ? unixMsCursor(body.cursors?.before) : undefined;
    const lines = plays.map(
      (play, i) =>
        `${trackLine(i + 1, play.track)} · played ${play.playedAt.slice(0, 16).replace('T', ' ')}`,
    );
    return {
      structured: { plays, before: cursor },
      text:
        plays.length > 0 ? ['Recently played:', ...lines].join('\n') : 'Nothing played recently.',
    };
  },
});

function unixMsCursor(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const ms = Number(value);
  return Number.isSafeInteger(ms) && ms >= 1 ? ms : undefined;
}
