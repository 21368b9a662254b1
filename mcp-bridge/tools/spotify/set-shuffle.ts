import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { playerCommand } from './spotify-api.js';
import { DeviceId } from './spotify-inputs.js';

export const setShuffle = defineTool({
  name: 'spotify_set_shuffle',
  title: 'Turn shuffle on or off',
  description: 'Turn shuffle on (true) or off (false) for the current playback.',
  provider: 'spotify',
  scopes: ['user-modify-playback-state', 'user-read-playback-state'],
  kind: 'write',
  idempotent: true,
  input: z.object({
    state: z.boolean().describe('true to shuffle.'),
    device_id: DeviceId.optional(),
  }),
  output: z.object({ state: z.boolean(), deviceId: z.string().optional() }),
  async run({ state, device_id }, context) {
    await playerCommand(
      context,
      {
        method: 'PUT',
        path: '/v1/me/player/shuffle',
        query: { state: String(state), ...(device_id ? { device_id } : {}) },
      },
      'turn shuffle on or off',
    );
    return {
      structured: { state, deviceId: device_id },
      text: `Shuffle ${state ? 'on' : 'off'}${device_id ? ` on device ${device_id}` : ''}.`,
    };
  },
});
