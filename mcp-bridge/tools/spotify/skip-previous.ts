import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { deviceOnlyCommand } from './spotify-api.js';
import { DeviceId } from './spotify-inputs.js';

export const skipPrevious = defineTool({
  name: 'spotify_previous',
  title: 'Go to previous track',
  description: 'Go back to the previous track.',
  provider: 'spotify',
  scopes: ['user-modify-playback-state', 'user-read-playback-state'],
  kind: 'write',
  idempotent: false,
  input: z.object({ device_id: DeviceId.optional() }),
  output: z.object({ done: z.boolean(), deviceId: z.string().optional() }),
  run: ({ device_id }, context) =>
    deviceOnlyCommand(
      context,
      { method: 'POST', path: '/v1/me/player/previous', deviceId: device_id },
      'go to previous track',
      'Went back to the previous track',
    ),
});
