import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getJson, notFoundFailure } from './spotify-api.js';
import { spotifyId } from './spotify-inputs.js';
import { SpotifyTrackObject, Track, toTrack, trackLine } from './spotify-items.js';

export const getTrack = defineTool({
  name: 'spotify_get_track',
  title: 'Get a track',
  description: 'Details of one Spotify track: title, artists, album, duration, ISRC.',
  provider: 'spotify',
  scopes: [],
  kind: 'read',
  idempotent: true,
  input: z.object({ track_id: spotifyId('track').describe('Track ID or spotify:track: URI.') }),
  output: z.object({ track: Track }),
  async run({ track_id }, context) {
    const body = await getJson(
      context,
      `/v1/tracks/${track_id}`,
      undefined,
      SpotifyTrackObject,
      'look up the track',
      notFoundFailure('track', track_id),
    );
    const track = toTrack(body);
    return { structured: { track }, text: trackLine(1, track) };
  },
});
