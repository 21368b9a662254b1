import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { deviceOnlyCommand } from './spotify-api.js';
import { DeviceId } from './spotify-inputs.js';

export const skipNext = defineTool({
  name: 'spotify_next',
  title: 'Skip to next track',
  description: 'Skip to the next track in the queue or context.',
  provider: 'spotify',
  scopes: ['user-modify-playback-state', 'user-read-playback-state'],
  kind: 'write',
  idempotent: false,
  input: z.object({ device_id: DeviceId.optional() }),
  output: z.object({ done: z.boolean(), deviceId: z.string().optional() }),
  run: ({ device_id }, context) =>
    deviceOnlyCommand(
      context,
      { method: 'POST', path: '/v1/me/player/next', deviceId: device_id },
      'skip to next track',
      'Skipped to the next track',
    ),
});
