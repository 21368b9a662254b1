import type { Account, AccountStore, Player } from '../accounts/index.js';
import type { ApiRequest, ApiResponse } from '../server/api-types.js';
import type { SpotifyObjects } from './objects.js';
import type { PlayerObjects } from './player-objects.js';
import type { SpokenWorld } from './spoken.js';

/** One Spotify Web API operation the sandbox serves, declared as data next to its handler. */
export interface Route {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** As the spec spells it, after `/v1`: `/playlists/{playlist_id}/items`. */
  path: string;
  /**
   * Scopes the token must all hold, from the operation's security requirement. Routes whose
   * requirement lists alternatives (`playlist-modify-public`/`-private`) check in the handler,
   * as Spotify asks for the one that fits the item.
   */
  scopes: readonly string[];
  handle(call: Call): ApiResponse;
}

/** What a handler gets: the request, its path parameters and the signed-in person's account. */
export interface Call {
  request: ApiRequest;
  params: Record<string, string>;
  query: URLSearchParams;
  account: Account;
  services: SpotifyServices;
}

export interface SpotifyServices {
  store: AccountStore;
  objects: SpotifyObjects;
  player: Player;
  playerObjects: PlayerObjects;
  apiBaseUrl: string;
  /** Podcasts and audiobooks, and who saved and listened to what. */
  spoken: SpokenWorld;
}

export function spotifyError(status: number, message: string, reason?: string): ApiResponse {
  return { status, body: { error: { status, message, ...(reason ? { reason } : {}) } } };
}

export const INSUFFICIENT_SCOPE = 'Insufficient client scope';

/** A 403 unless the token holds `scope`. */
export function requireScope(call: Call, scope: string): ApiResponse | undefined {
  return call.request.grant.scopes.includes(scope)
    ? undefined
    : spotifyError(403, INSUFFICIENT_SCOPE);
}

export function isResponse(value: unknown): value is ApiResponse {
  return typeof value === 'object' && value !== null && 'status' in value;
}
