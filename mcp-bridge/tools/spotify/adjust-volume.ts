import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { ToolError } from '../tool-error.js';
import { getJson, playerCommand } from './spotify-api.js';
import { DeviceId } from './spotify-inputs.js';

const Playback = z
  .object({
    device: z
      .object({
        id: z.string().nullable().optional(),
        volume_percent: z.number().nullable().optional(),
      })
      .loose(),
  })
  .loose();

export const adjustVolume = defineTool({
  name: 'spotify_adjust_volume',
  title: 'Turn the volume up or down',
  description:
    'Turns the volume of the active device up or down by some percentage points (e.g. +10 or -20), staying within 0–100. Use spotify_set_volume for an exact level.',
  provider: 'spotify',
  scopes: ['user-modify-playback-state', 'user-read-playback-state'],
  kind: 'write',
  idempotent: false,
  input: z.object({
    change: z
      .number()
      .int()
      .min(-100)
      .max(100)
      .refine((n) => n !== 0, 'A change of 0 does nothing.')
      .describe('Percentage points: positive is louder, negative quieter.'),
    device_id: DeviceId.optional(),
  }),
  output: z.object({
    from: z.number(),
    volume_percent: z.number(),
    deviceId: z.string().optional(),
  }),
  async run({ change, device_id }, context) {
    const playback = await getJson(
      context,
      '/v1/me/player',
      undefined,
      Playback.nullable().catch(null),
      'read the playback state',
    );
    const from = playback?.device.volume_percent;
    if (from === undefined || from === null)
      throw new ToolError(
        'no_volume',
        'Spotify doesn’t say the current volume (nothing is playing, or the device has no volume control). Start playback, or use spotify_set_volume with an exact level.',
      );
    const to = Math.min(100, Math.max(0, from + change));
    await playerCommand(
      context,
      {
        method: 'PUT',
        path: '/v1/me/player/volume',
        query: { volume_percent: String(to), ...(device_id ? { device_id } : {}) },
      },
      'set volume',
    );
    const deviceId = device_id ?? playback?.device.id ?? undefined;
    return {
      structured: { from, volume_percent: to, ...(deviceId ? { deviceId } : {}) },
      text: `Volume ${change > 0 ? 'up' : 'down'} from ${from}% to ${to}%${to !== from + change ? ' (the limit)' : ''}.`,
    };
  },
});
