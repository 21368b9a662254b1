import { createHash } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export type SpotifyKind =
  'track' | 'album' | 'artist' | 'playlist' | 'show' | 'episode' | 'audiobook' | 'chapter';

/**
 * A 22-character base62 id like Spotify's, derived from the catalog key so it is the same in
 * every run; the hash keeps ids from revealing the sandbox's key scheme.
 */
export function spotifyId(kind: SpotifyKind, key: string): string {
  const digest = createHash('sha256').update(`spotify:${kind}:${key}`).digest();
  let id = '';
  for (let index = 0; id.length < 22; index += 1) id += BASE62[(digest[index] ?? 0) % 62];
  return id;
}

/** Finds keys again from ids, for routes such as `/v1/tracks/{id}`. */
export class SpotifyIdIndex {
  private readonly keys = new Map<string, string>();

  add(kind: SpotifyKind, key: string): string {
    const id = spotifyId(kind, key);
    this.keys.set(`${kind}:${id}`, key);
    return id;
  }

  key(kind: SpotifyKind, id: string): string | undefined {
    return this.keys.get(`${kind}:${id}`);
  }
}
