import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { parseBody, send } from './spotify-api.js';
import {
  Device,
  SpotifyDeviceObject,
  SpotifyTrackObject,
  Track,
  formatDuration,
  toDevice,
  toTrack,
  trackLine,
} from './spotify-items.js';

const PlaybackResponse = z.object({
  device: SpotifyDeviceObject,
  is_playing: z.boolean(),
  progress_ms: z.number().nullable().optional(),
  shuffle_state: z.boolean().optional(),
  repeat_state: z.string().optional(),
  context: z.object({ uri: z.string(), type: z.string().optional() }).nullable().optional(),
  item: z.unknown().optional(),
});

const output = z.object({
  active: z.boolean(),
  isPlaying: z.boolean(),
  device: Device.optional(),
  track: Track.optional(),
  progressMs: z.number().optional(),
  shuffle: z.boolean().optional(),
  repeat: z.string().optional(),
  contextUri: z.string().optional(),
});

export const getPlayback = defineTool({
  name: 'spotify_get_playback',
  title: 'Get current playback',
  description:
    'What Spotify is playing right now: track, device, progress, shuffle and repeat. Says so when nothing is playing.',
  provider: 'spotify',
  scopes: ['user-read-playback-state'],
  kind: 'read',
  idempotent: true,
  input: z.object({}),
  output,
  async run(_input, context) {
    const request = { method: 'GET', path: '/v1/me/player' } as const;
    const response = await send(context, request, 'read the playback state');
    if (response.status === 204 || response.body === null) {
      return {
        structured: { active: false, isPlaying: false },
        text: 'Nothing is playing on Spotify and no device is active. Use spotify_list_devices to see where it could play.',
      };
    }
    const body = parseBody(PlaybackResponse, response.body, 'read the playback state');
    const parsedTrack = SpotifyTrackObject.safeParse(body.item);
    const track = parsedTrack.success ? toTrack(parsedTrack.data) : undefined;
    const structured: z.infer<typeof output> = {
      active: true,
      isPlaying: body.is_playing,
      device: toDevice(body.device),
      track,
      progressMs: body.progress_ms ?? undefined,
      shuffle: body.shuffle_state,
      repeat: body.repeat_state,
      contextUri: body.context?.uri,
    };
    const lines = [
      `${body.is_playing ? 'Playing' : 'Paused'} on ${body.device.name} (${body.device.type}).`,
      track ? trackLine(1, track) : 'No track loaded.',
      `Progress ${formatDuration(body.progress_ms ?? 0)}${track ? ` of ${formatDuration(track.durationMs)}` : ''} · shuffle ${body.shuffle_state ? 'on' : 'off'} · repeat ${body.repeat_state ?? 'off'}${body.context ? ` · from ${body.context.uri}` : ''}`,
    ];
    return { structured, text: lines.join('\n') };
  },
});
