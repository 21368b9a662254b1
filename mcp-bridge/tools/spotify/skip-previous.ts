import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { playerCommand } from './spotify-api.js';
import { DeviceId } from './spotify-inputs.js';

export const skipPrevious = defineTool({
  name: 'spotify_previous',
  title: 'Go to previous track',
  description:
    'Go back to the previous track. Use spotify_get_playback afterwards to see what is playing.',
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
        path: '/v1/me/player/previous',
        query: device_id ? { device_id } : undefined,
      },
      'go to previous track',
    );
    return {
      structured: { done: true, deviceId: device_id },
      text: `Went back to the previous track${device_id ? ` on device ${device_id}` : ''}.`,
    };
  },
});
