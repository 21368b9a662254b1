// Kept free of zod: the bridge's fast start filters its first tool list with these before it
// loads any library (see tool-visibility.ts).

type ProviderName = 'spotify' | 'tidal';
/** The same names as `PermissionGroup` in policy.ts, which checks that the two agree. */
export type GroupName = 'read' | 'playback' | 'library-write' | 'playlists-write';

export const SCOPES_BY_GROUP: Record<ProviderName, Record<GroupName, readonly string[]>> = {
  spotify: {
    read: [
      'user-read-private',
      'user-read-email',
      'user-library-read',
      'user-follow-read',
      'user-top-read',
      'user-read-recently-played',
      'playlist-read-private',
      'playlist-read-collaborative',
      'user-read-playback-state',
      'user-read-currently-playing',
    ],
    playback: ['user-modify-playback-state', 'user-read-playback-state'],
    'library-write': ['user-library-modify', 'user-follow-modify'],
    // Reading a playlist's items lets a change skip duplicates and preview what it would do.
    'playlists-write': [
      'playlist-modify-public',
      'playlist-modify-private',
      'playlist-read-private',
    ],
  },
  tidal: {
    read: [
      'user.read',
      'collection.read',
      'playlists.read',
      'search.read',
      'recommendations.read',
      'entitlements.read',
    ],
    playback: ['playback'],
    'library-write': ['collection.write'],
    'playlists-write': ['playlists.write'],
  },
};

export function scopesAllowedBy(provider: ProviderName, groups: readonly GroupName[]): Set<string> {
  const allowed = new Set<string>();
  for (const group of groups)
    for (const scope of SCOPES_BY_GROUP[provider][group]) allowed.add(scope);
  return allowed;
}
