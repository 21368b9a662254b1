import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { deviceLine, listDevices } from './spotify-api.js';
import { Device } from './spotify-items.js';

export const listDevicesTool = defineTool({
  name: 'spotify_list_devices',
  title: 'List Spotify devices',
  description:
    'The devices Spotify can play on, which one is active, and the device_id the playback tools take.',
  provider: 'spotify',
  scopes: ['user-read-playback-state'],
  kind: 'read',
  idempotent: true,
  input: z.object({}),
  output: z.object({ devices: z.array(Device) }),
  async run(_input, context) {
    const devices = await listDevices(context);
    const text =
      devices.length > 0
        ? `Spotify devices:\n${devices.map((device, i) => deviceLine(i + 1, device)).join('\n')}`
        : 'No Spotify devices are available. Open Spotify on a phone, computer or speaker first.';
    return { structured: { devices }, text };
  },
});
