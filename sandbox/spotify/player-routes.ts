import type { PlaybackContext } from '../accounts/index.js';
import type { ApiResponse } from '../server/api-types.js';
import { bodyObject, integerQuery } from './params.js';
import { cursorPage } from './paging.js';
import { deviceById } from './player-objects.js';
import { isResponse, spotifyError, type Call, type Route } from './route.js';
import { keyOfUri, parseUri } from './uris.js';

const READ_STATE = ['user-read-playback-state'];
const MODIFY = ['user-modify-playback-state'];
const QUEUE_SHOWN = 20;
const HISTORY_LIMIT = { min: 1, max: 50, default: 20 };
const CURSOR_RANGE = { min: 0, max: Number.MAX_SAFE_INTEGER, default: Number.MAX_SAFE_INTEGER };
const CONTEXT_KINDS: readonly string[] = ['album', 'playlist', 'artist'];
const NO_CONTENT: ApiResponse = { status: 204 };

/** The real API's answers when a player command cannot run, reason included. */
const PREMIUM_REQUIRED = () =>
  spotifyError(403, 'Player command failed: Premium required', 'PREMIUM_REQUIRED');
const NO_ACTIVE_DEVICE = () =>
  spotifyError(404, 'Player command failed: No active device found', 'NO_ACTIVE_DEVICE');
const RESTRICTED = () =>
  spotifyError(403, 'Player command failed: Restriction violated', 'UNKNOWN');

/**
 * Runs a player command the way Spotify does: Premium only; `device_id` picks (and activates)
 * a device; otherwise there must already be an active one. Answers 204 unless `action` says.
 */
function command(call: Call, action: () => ApiResponse | void): ApiResponse {
  if (call.account.person.product !== 'premium') return PREMIUM_REQUIRED();
  const wanted = call.query.get('device_id');
  if (wanted !== null) {
    const device = deviceById(call.account, wanted);
    if (!device) return spotifyError(404, 'Device not found');
    call.services.player.transfer(call.account, device.key, undefined);
  }
  if (!call.account.playback.deviceKey) return NO_ACTIVE_DEVICE();
  return action() ?? NO_CONTENT;
}

/** Commands that act on the loaded track need one. */
function loaded(call: Call, action: () => ApiResponse | void): ApiResponse {
  return command(call, () => (call.account.playback.recordingKey ? action() : RESTRICTED()));
}

export const playerRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/me/player',
    scopes: READ_STATE,
    handle: (call) => {
      const state = call.services.playerObjects.playbackState(
        call.account,
        call.query.get('market') ?? undefined,
      );
      return state ? { status: 200, body: state } : NO_CONTENT;
    },
  },
  {
    method: 'PUT',
    path: '/me/player',
    scopes: MODIFY,
    handle: (call) => {
      if (call.account.person.product !== 'premium') return PREMIUM_REQUIRED();
      const body = bodyObject(call.request.body);
      const ids = body.device_ids;
      if (!Array.isArray(ids) || ids.length !== 1 || typeof ids[0] !== 'string') {
        return spotifyError(400, 'device_ids must hold exactly one device id');
      }
      const device = deviceById(call.account, ids[0]);
      if (!device) return spotifyError(404, 'Device not found');
      const play = typeof body.play === 'boolean' ? body.play : undefined;
      call.services.player.transfer(call.account, device.key, play);
      return NO_CONTENT;
    },
  },
  {
    method: 'GET',
    path: '/me/player/devices',
    scopes: READ_STATE,
    handle: (call) => ({
      status: 200,
      body: {
        devices: call.account.devices.map((device) =>
          call.services.playerObjects.device(call.account, device),
        ),
      },
    }),
  },
  {
    method: 'GET',
    path: '/me/player/currently-playing',
    scopes: ['user-read-currently-playing'],
    handle: (call) => {
      const playing = call.services.playerObjects.currentlyPlaying(
        call.account,
        call.query.get('market') ?? undefined,
      );
      return playing ? { status: 200, body: playing } : NO_CONTENT;
    },
  },
  { method: 'PUT', path: '/me/player/play', scopes: MODIFY, handle: (call) => play(call) },
  {
    method: 'PUT',
    path: '/me/player/pause',
    scopes: MODIFY,
    handle: (call) =>
      loaded(call, () => (call.services.player.pause(call.account) ? undefined : RESTRICTED())),
  },
  {
    method: 'POST',
    path: '/me/player/next',
    scopes: MODIFY,
    handle: (call) => loaded(call, () => call.services.player.next(call.account)),
  },
  {
    method: 'POST',
    path: '/me/player/previous',
    scopes: MODIFY,
    handle: (call) => loaded(call, () => call.services.player.previous(call.account)),
  },
  {
    method: 'PUT',
    path: '/me/player/seek',
    scopes: MODIFY,
    handle: (call) => {
      const position = requiredInteger(call, 'position_ms', 0, Number.MAX_SAFE_INTEGER);
      if (isResponse(position)) return position;
      return loaded(call, () => call.services.player.seek(call.account, position));
    },
  },
  {
    method: 'PUT',
    path: '/me/player/volume',
    scopes: MODIFY,
    handle: (call) => {
      const volume = requiredInteger(call, 'volume_percent', 0, 100);
      if (isResponse(volume)) return volume;
      return command(call, () => {
        const device = call.account.devices.find(
          (each) => each.key === call.account.playback.deviceKey,
        );
        if (!device?.supportsVolume) {
          return spotifyError(
            403,
            'Player command failed: Cannot control device volume',
            'VOLUME_CONTROL_DISALLOW',
          );
        }
        device.volumePercent = volume;
        return undefined;
      });
    },
  },
  {
    method: 'PUT',
    path: '/me/player/shuffle',
    scopes: MODIFY,
    handle: (call) => {
      const state = call.query.get('state');
      if (state !== 'true' && state !== 'false') return spotifyError(400, 'Invalid state');
      return command(call, () => call.services.player.setShuffle(call.account, state === 'true'));
    },
  },
  {
    method: 'PUT',
    path: '/me/player/repeat',
    scopes: MODIFY,
    handle: (call) => {
      const state = call.query.get('state');
      if (state !== 'track' && state !== 'context' && state !== 'off') {
        return spotifyError(400, 'Invalid state');
      }
      return command(call, () => call.services.player.setRepeat(call.account, state));
    },
  },
  {
    method: 'GET',
    path: '/me/player/queue',
    scopes: ['user-read-currently-playing', 'user-read-playback-state'],
    handle: (call) => {
      const { objects, player } = call.services;
      const upcoming = player.upcoming(call.account).slice(0, QUEUE_SHOWN);
      const current = call.account.playback.deviceKey && call.account.playback.recordingKey;
      return {
        status: 200,
        body: {
          // Not nullable in the spec, so absent when nothing plays.
          ...(current ? { currently_playing: objects.trackByKey(current, undefined) } : {}),
          queue: current ? upcoming.map((key) => objects.trackByKey(key, undefined)) : [],
        },
      };
    },
  },
  {
    method: 'POST',
    path: '/me/player/queue',
    scopes: MODIFY,
    handle: (call) => {
      const uri = call.query.get('uri');
      if (!uri) return spotifyError(400, 'Missing required parameter: uri');
      const key = keyOfUri(call.services.objects, uri, 'track');
      if (!key) return spotifyError(400, 'Invalid track uri');
      return command(call, () => call.services.player.enqueue(call.account, key));
    },
  },
  {
    method: 'GET',
    path: '/me/player/recently-played',
    scopes: ['user-read-recently-played'],
    handle: recentlyPlayed,
  },
];

function play(call: Call): ApiResponse {
  const body = bodyObject(call.request.body);
  const { player, objects } = call.services;
  const positionMs = body.position_ms ?? 0;
  if (typeof positionMs !== 'number' || !Number.isInteger(positionMs) || positionMs < 0) {
    return spotifyError(400, 'Invalid position_ms');
  }
  if (body.context_uri === undefined && body.uris === undefined) {
    return loaded(call, () => {
      player.resume(call.account);
    });
  }
  let context: PlaybackContext | undefined;
  let list: string[];
  if (body.context_uri !== undefined) {
    const parsed = typeof body.context_uri === 'string' ? parseUri(body.context_uri) : undefined;
    if (!parsed || !CONTEXT_KINDS.includes(parsed.type)) {
      return spotifyError(400, 'Invalid context uri');
    }
    const kind = parsed.type as PlaybackContext['kind'];
    const key = objects.ids.key(kind, parsed.id);
    const found = key ? player.contextList({ kind, key }) : undefined;
    if (!key || !found) return spotifyError(404, 'Context not found');
    context = { kind, key };
    list = found;
  } else {
    const uris = Array.isArray(body.uris) ? body.uris : [];
    const keys = uris.map((uri) =>
      typeof uri === 'string' ? keyOfUri(objects, uri, 'track') : undefined,
    );
    if (keys.length === 0 || keys.some((key) => key === undefined)) {
      return spotifyError(400, 'Invalid track uri');
    }
    list = keys as string[];
  }
  const startIndex = offsetIndex(call, body.offset, list);
  if (isResponse(startIndex)) return startIndex;
  return command(call, () => {
    if (list.length === 0) return RESTRICTED();
    player.start(call.account, { context, list, startIndex, positionMs });
    return undefined;
  });
}

/** `offset` is `{position}` or `{uri}` of a track in the list. */
function offsetIndex(call: Call, offset: unknown, list: readonly string[]): number | ApiResponse {
  if (offset === undefined) return 0;
  const value = bodyObject(offset);
  if (typeof value.position === 'number') {
    const position = value.position;
    return Number.isInteger(position) && position >= 0 && position < list.length
      ? position
      : spotifyError(400, 'Invalid offset');
  }
  if (typeof value.uri === 'string') {
    const key = keyOfUri(call.services.objects, value.uri, 'track');
    const index = key ? list.indexOf(key) : -1;
    return index >= 0 ? index : spotifyError(400, 'Invalid offset');
  }
  return spotifyError(400, 'Invalid offset');
}

function requiredInteger(call: Call, name: string, min: number, max: number): number | ApiResponse {
  if (call.query.get(name) === null)
    return spotifyError(400, `Missing required parameter: ${name}`);
  return integerQuery(call.query, name, { min, max, default: 0 });
}

/** Newest first; `before`/`after` are Unix milliseconds, and only one may be given. */
function recentlyPlayed(call: Call): ApiResponse {
  const limit = integerQuery(call.query, 'limit', HISTORY_LIMIT);
  if (isResponse(limit)) return limit;
  const after = integerQuery(call.query, 'after', { ...CURSOR_RANGE, default: 0 });
  const before = integerQuery(call.query, 'before', CURSOR_RANGE);
  if (isResponse(after)) return after;
  if (isResponse(before)) return before;
  if (call.query.has('after') && call.query.has('before')) {
    return spotifyError(400, 'Only one of after or before may be given');
  }
  // Playing tracks that ended since the last request land in the history first.
  call.services.player.settle(call.account);
  const matching = call.account.recentlyPlayed.filter(
    (entry) => entry.playedAt > after && entry.playedAt < before,
  );
  // With `after`, the page is the oldest ones after it, still listed newest first.
  const page = call.query.has('after') ? matching.slice(-limit) : matching.slice(0, limit);
  const { objects, playerObjects, apiBaseUrl } = call.services;
  const url = `${apiBaseUrl}/v1/me/player/recently-played`;
  const newest = page[0];
  const oldest = page[page.length - 1];
  const more = oldest !== undefined && matching.indexOf(oldest) < matching.length - 1;
  return {
    status: 200,
    body: cursorPage(
      page.map((entry) => ({
        track: objects.trackByKey(entry.recordingKey, undefined),
        played_at: new Date(entry.playedAt).toISOString(),
        ...(entry.context ? { context: playerObjects.context(entry.context) } : {}),
      })),
      {
        href: `${url}?${call.query.toString()}`,
        limit,
        next: more && oldest ? `${url}?before=${oldest.playedAt}&limit=${limit}` : undefined,
        after: newest ? String(newest.playedAt) : undefined,
        before: oldest ? String(oldest.playedAt) : undefined,
      },
    ),
  };
}
