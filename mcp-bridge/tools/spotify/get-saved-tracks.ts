import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getOffsetPage, pageText } from './spotify-api.js';
import { limit, Offset } from './spotify-inputs.js';
import { SpotifyTrackObject, Track, toTrack, trackLine } from './spotify-items.js';

const Saved = z.object({ added_at: z.string().optional(), track: SpotifyTrackObject });

export const getSavedTracks = defineTool({
  name: 'spotify_get_saved_tracks',
  title: 'List liked songs',
  description: 'The tracks the person saved (Liked Songs), newest first.',
  provider: 'spotify',
  scopes: ['user-library-read'],
  kind: 'read',
  idempotent: true,
  input: z.object({ limit: limit(50, 20), offset: Offset }),
  output: z.object({
    tracks: z.array(Track.extend({ addedAt: z.string().optional() })),
    total: z.number(),
    offset: z.number(),
  }),
  async run({ limit, offset }, context) {
    const page = await getOffsetPage(
      context,
      '/v1/me/tracks',
      { limit, offset },
      Saved,
      'list your saved tracks',
    );
    const tracks = page.items.map((s) => ({ ...toTrack(s.track), addedAt: s.added_at }));
    return {
      structured: { tracks, total: page.total, offset },
      text: pageText('Liked songs', { total: page.total, offset }, tracks, trackLine),
    };
  },
});
