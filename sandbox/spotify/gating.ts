import type { ApiResponse } from '../server/api-types.js';
import { spotifyError } from './route.js';

/**
 * What Spotify answers apps registered in 2026 on endpoints it closed to them, whatever scopes
 * the token holds. The paths are after `/v1`; undefined means the request is not gated.
 */
const FORBIDDEN: readonly RegExp[] = [
  // Multi-id batches.
  /^\/(tracks|albums|artists|shows|episodes|audiobooks|chapters)$/,
  /^\/artists\/[^/]+\/top-tracks$/,
  /^\/me\/[^/]+\/contains$/,
  /^\/users\/[^/]+(\/playlists)?$/,
  /^\/browse(\/.*)?$/,
  /^\/markets$/,
];
const NOT_FOUND: readonly RegExp[] = [/^\/recommendations(\/.*)?$/];

export function gatedAnswer(pathAfterVersion: string): ApiResponse | undefined {
  if (FORBIDDEN.some((pattern) => pattern.test(pathAfterVersion))) {
    return spotifyError(403, 'Forbidden');
  }
  if (NOT_FOUND.some((pattern) => pattern.test(pathAfterVersion))) {
    return spotifyError(404, 'Service not found');
  }
  return undefined;
}
