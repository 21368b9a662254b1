import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { deviceOnlyCommand } from './spotify-api.js';
import { DeviceId } from './spotify-inputs.js';

export const pausePlayback = defineTool({
  name: 'spotify_pause',
  title: 'Pause playback',
  description: 'Pause Spotify playback on the active device (or the given one).',
  provider: 'spotify',
  scopes: ['user-modify-playback-state', 'user-read-playback-state'],
  kind: 'write',
  idempotent: true,
  input: z.object({ device_id: DeviceId.optional() }),
  output: z.object({ done: z.boolean(), deviceId: z.string().optional() }),
  run: ({ device_id }, context) =>
    deviceOnlyCommand(
      context,
      { method: 'PUT', path: '/v1/me/player/pause', deviceId: device_id },
      'pause playback',
      'Paused',
    ),
});
