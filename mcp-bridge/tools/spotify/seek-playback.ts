import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { playerCommand } from './spotify-api.js';
import { DeviceId } from './spotify-inputs.js';
import { formatDuration } from './spotify-items.js';

export const seekPlayback = defineTool({
  name: 'spotify_seek',
  title: 'Seek within the track',
  description: 'Jump to a position in the current track, in milliseconds from its start.',
  provider: 'spotify',
  scopes: ['user-modify-playback-state', 'user-read-playback-state'],
  kind: 'write',
  idempotent: true,
  input: z.object({
    position_ms: z.number().int().min(0).max(86_400_000).describe('Position in milliseconds.'),
    device_id: DeviceId.optional(),
  }),
  output: z.object({ position_ms: z.number(), deviceId: z.string().optional() }),
  async run({ position_ms, device_id }, context) {
    await playerCommand(
      context,
      {
        method: 'PUT',
        path: '/v1/me/player/seek',
        query: { position_ms: String(position_ms), ...(device_id ? { device_id } : {}) },
      },
      'seek within the track',
    );
    return {
      structured: { position_ms, deviceId: device_id },
      text: `Moved to ${formatDuration(position_ms)}${device_id ? ` on device ${device_id}` : ''}.`,
    };
  },
});
