import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { playerCommand } from './spotify-api.js';
import { DeviceId } from './spotify-inputs.js';

export const setVolume = defineTool({
  name: 'spotify_set_volume',
  title: 'Set volume',
  description: 'Set the playback volume of the active device (or the given one), 0–100 percent.',
  provider: 'spotify',
  scopes: ['user-modify-playback-state', 'user-read-playback-state'],
  kind: 'write',
  idempotent: true,
  input: z.object({
    volume_percent: z.number().int().min(0).max(100).describe('Volume in percent.'),
    device_id: DeviceId.optional(),
  }),
  output: z.object({ volume_percent: z.number(), deviceId: z.string().optional() }),
  async run({ volume_percent, device_id }, context) {
    await playerCommand(
      context,
      {
        method: 'PUT',
        path: '/v1/me/player/volume',
        query: { volume_percent: String(volume_percent), ...(device_id ? { device_id } : {}) },
      },
      'set volume',
    );
    return {
      structured: { volume_percent, deviceId: device_id },
      text: `Volume set to ${volume_percent}%${device_id ? ` on device ${device_id}` : ''}.`,
    };
  },
});
