import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getJson } from './spotify-api.js';
import { SpotifyTrackObject, Track, toTrack, trackLine } from './spotify-items.js';

const QueueResponse = z.object({
  currently_playing: z.unknown().optional(),
  queue: z.array(z.unknown()),
});

export const getQueue = defineTool({
  name: 'spotify_get_queue',
  title: 'Get the play queue',
  description: 'The track playing now and the tracks Spotify will play next.',
  provider: 'spotify',
  scopes: ['user-read-currently-playing', 'user-read-playback-state'],
  kind: 'read',
  idempotent: true,
  input: z.object({}),
  output: z.object({ current: Track.optional(), queue: z.array(Track) }),
  async run(_input, context) {
    const body = await getJson(
      context,
      '/v1/me/player/queue',
      undefined,
      QueueResponse,
      'read the queue',
    );
    const asTrack = (value: unknown) => {
      const parsed = SpotifyTrackObject.safeParse(value);
      return parsed.success ? toTrack(parsed.data) : undefined;
    };
    const current = asTrack(body.currently_playing);
    const queue = body.queue.map(asTrack).filter((track) => track !== undefined);
    const lines = [
      current
        ? `Now playing: ${trackLine(0, current).replace(/^0\. /, '')}`
        : 'Nothing is playing.',
      queue.length > 0
        ? `Up next:\n${queue.map((track, i) => trackLine(i + 1, track)).join('\n')}`
        : 'The queue is empty.',
    ];
    return { structured: { current, queue }, text: lines.join('\n') };
  },
});
