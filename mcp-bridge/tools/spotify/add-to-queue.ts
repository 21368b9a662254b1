import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { playerCommand } from './spotify-api.js';
import { DeviceId, TrackUri } from './spotify-inputs.js';

export const addToQueue = defineTool({
  name: 'spotify_add_to_queue',
  title: 'Add a track to the queue',
  description: 'Queue a track (spotify:track:… URI) to play after the current one.',
  provider: 'spotify',
  scopes: ['user-modify-playback-state', 'user-read-playback-state'],
  kind: 'write',
  idempotent: false,
  input: z.object({
    uri: TrackUri.describe('The track to queue.'),
    device_id: DeviceId.optional(),
  }),
  output: z.object({ queued: z.string() }),
  async run({ uri, device_id }, context) {
    await playerCommand(
      context,
      {
        method: 'POST',
        path: '/v1/me/player/queue',
        query: { uri, ...(device_id ? { device_id } : {}) },
      },
      'add to the queue',
    );
    return { structured: { queued: uri }, text: `Queued ${uri}.` };
  },
});
