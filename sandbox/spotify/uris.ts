import { CURATOR, type AccountStore, type OwnerKey } from '../accounts/index.js';
import type { SpotifyKind } from './ids.js';
import type { SpotifyObjects } from './objects.js';

/** `spotify:{type}:{id}` URIs, as the library, queue and playlist endpoints take them. */

const URI = /^spotify:([a-z]+):([0-9A-Za-z_.-]+)$/;

export interface ParsedUri {
  type: string;
  id: string;
}

export function parseUri(uri: string): ParsedUri | undefined {
  const match = URI.exec(uri);
  return match?.[1] && match[2] ? { type: match[1], id: match[2] } : undefined;
}

/** The catalog or playlist key behind a URI of one of the sandbox's kinds. */
export function keyOfUri(
  objects: SpotifyObjects,
  uri: string,
  kind: SpotifyKind,
): string | undefined {
  const parsed = parseUri(uri);
  return parsed?.type === kind ? objects.ids.key(kind, parsed.id) : undefined;
}

/** The person (or the curator) with a Spotify username. */
export function ownerByUsername(store: AccountStore, username: string): OwnerKey | undefined {
  if (username === 'spotify') return CURATOR;
  return store.people().find((person) => person.username === username)?.key;
}
