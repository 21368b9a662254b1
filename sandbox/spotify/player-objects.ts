import { createHash } from 'node:crypto';
import type { Account, Device, Player, PlaybackContext } from '../accounts/index.js';
import type { SpotifyObjects } from './objects.js';

type Json = Record<string, unknown>;

/** Spotify Connect device ids are 40 hex characters; these are stable per person and device. */
export function deviceId(account: Account, device: Device): string {
  return createHash('sha1').update(`${account.person.key}:${device.key}`).digest('hex');
}

export function deviceById(account: Account, id: string): Device | undefined {
  return account.devices.find((device) => deviceId(account, device) === id);
}

/** Playback in the shapes of `/me/player`, `/me/player/currently-playing` and the queue. */
export class PlayerObjects {
  constructor(
    private readonly objects: SpotifyObjects,
    private readonly player: Player,
  ) {}

  device(account: Account, device: Device): Json {
    return {
      id: deviceId(account, device),
      is_active: account.playback.deviceKey === device.key,
      is_private_session: false,
      is_restricted: false,
      name: device.name,
      type: device.type,
      volume_percent: device.volumePercent,
      supports_volume: device.supportsVolume,
    };
  }

  /** `CurrentlyPlayingObject`; undefined when nothing is loaded on an active device. */
  currentlyPlaying(account: Account, market: string | undefined): Json | undefined {
    const progress = this.player.position(account);
    const playback = account.playback;
    if (!playback.deviceKey || !playback.recordingKey) return undefined;
    return {
      // The spec's ContextObject is not nullable, so a plain list of tracks leaves it out.
      ...(playback.context ? { context: this.context(playback.context) } : {}),
      timestamp: playback.changedAt,
      progress_ms: progress,
      is_playing: playback.isPlaying,
      item: this.objects.trackByKey(playback.recordingKey, market),
      currently_playing_type: 'track',
      actions: { disallows: playback.isPlaying ? { resuming: true } : { pausing: true } },
    };
  }

  /** `CurrentlyPlayingContextObject`: the above with the device and the modes. */
  playbackState(account: Account, market: string | undefined): Json | undefined {
    const playing = this.currentlyPlaying(account, market);
    const device = account.devices.find((each) => each.key === account.playback.deviceKey);
    if (!playing || !device) return undefined;
    return {
      device: this.device(account, device),
      repeat_state: account.playback.repeat,
      shuffle_state: account.playback.shuffle,
      ...playing,
    };
  }

  context(context: PlaybackContext): Json {
    const kind = context.kind;
    const id = this.objects.ids.add(kind, context.key);
    const { href, external_urls, uri } = this.objects.ref(kind, id);
    return { type: kind, href, external_urls, uri };
  }
}
