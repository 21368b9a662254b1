import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { playerCommand } from './spotify-api.js';
import { DeviceId } from './spotify-inputs.js';

export const skipNext = defineTool({
  name: 'spotify_next',
  title: 'Skip to next track',
  description:
    'Skip to the next track in the queue or context. Use spotify_get_playback afterwards to see what is playing.',
  provider: 'spotify',
  scopes: ['user-modify-playback-state', 'user-read-playback-state'],
  kind: 'write',
  idempotent: false,
  input: z.object({ device_id: DeviceId.optional() }),
  output: z.object({ done: z.boolean(), deviceId: z.string().optional() }),
  async run({ device_id }, context) {
    await playerCommand(
      context,
      {
        method: 'POST',
        path: '/v1/me/player/next',
        query: device_id ? { device_id } : undefined,
      },
      'skip to next track',
    );
    return {
      structured: { done: true, deviceId: device_id },
      text: `Skipped to the next track${device_id ? ` on device ${device_id}` : ''}.`,
    };
  },
});
