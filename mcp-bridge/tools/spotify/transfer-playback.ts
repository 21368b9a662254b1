import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { playerCommand } from './spotify-api.js';
import { DeviceId } from './spotify-inputs.js';

export const transferPlayback = defineTool({
  name: 'spotify_transfer_playback',
  title: 'Move playback to a device',
  description:
    'Move Spotify playback to another device (device_id from spotify_list_devices); play: true starts playing there.',
  provider: 'spotify',
  scopes: ['user-modify-playback-state', 'user-read-playback-state'],
  kind: 'write',
  idempotent: true,
  input: z.object({
    device_id: DeviceId.describe('Device id from spotify_list_devices.'),
    play: z.boolean().optional().describe('true: start playing; false or omitted: keep state.'),
  }),
  output: z.object({ deviceId: z.string(), play: z.boolean().optional() }),
  async run({ device_id, play }, context) {
    await playerCommand(
      context,
      {
        method: 'PUT',
        path: '/v1/me/player',
        body: { device_ids: [device_id], ...(play !== undefined ? { play } : {}) },
      },
      'move playback',
    );
    return {
      structured: { deviceId: device_id, play },
      text: `Playback moved to device ${device_id}${play ? ' and playing' : ''}.`,
    };
  },
});
