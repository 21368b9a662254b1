import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { playerCommand } from './spotify-api.js';
import { DeviceId } from './spotify-inputs.js';

export const pausePlayback = defineTool({
  name: 'spotify_pause',
  title: 'Pause playback',
  description:
    'Pause Spotify playback on the active device (or the given one). Use spotify_get_playback afterwards to see what is playing.',
  provider: 'spotify',
  scopes: ['user-modify-playback-state', 'user-read-playback-state'],
  kind: 'write',
  idempotent: true,
  input: z.object({ device_id: DeviceId.optional() }),
  output: z.object({ done: z.boolean(), deviceId: z.string().optional() }),
  async run({ device_id }, context) {
    await playerCommand(
      context,
      {
        method: 'PUT',
        path: '/v1/me/player/pause',
        query: device_id ? { device_id } : undefined,
      },
      'pause playback',
    );
    return {
      structured: { done: true, deviceId: device_id },
      text: `Paused${device_id ? ` on device ${device_id}` : ''}.`,
    };
  },
});
