import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { playerCommand } from './spotify-api.js';
import { DeviceId } from './spotify-inputs.js';

export const setRepeat = defineTool({
  name: 'spotify_set_repeat',
  title: 'Set repeat mode',
  description:
    'Set repeat: "track" repeats the current track, "context" the album or playlist, "off" stops repeating.',
  provider: 'spotify',
  scopes: ['user-modify-playback-state', 'user-read-playback-state'],
  kind: 'write',
  idempotent: true,
  input: z.object({
    state: z.enum(['track', 'context', 'off']).describe('track, context or off.'),
    device_id: DeviceId.optional(),
  }),
  output: z.object({ state: z.enum(['track', 'context', 'off']), deviceId: z.string().optional() }),
  async run({ state, device_id }, context) {
    await playerCommand(
      context,
      {
        method: 'PUT',
        path: '/v1/me/player/repeat',
        query: { state: String(state), ...(device_id ? { device_id } : {}) },
      },
      'set repeat mode',
    );
    return {
      structured: { state, deviceId: device_id },
      text: `Repeat set to ${state}${device_id ? ` on device ${device_id}` : ''}.`,
    };
  },
});
