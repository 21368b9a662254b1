import * as z from 'zod';
import type { ProviderId } from './providers.js';

/**
 * What a person switches on or off per assistant. Each group stands for a set of provider scopes;
 * a capability only ever carries scopes that the grant holds and an enabled group covers.
 */
export const PermissionGroup = z.enum(['read', 'playback', 'library-write', 'playlists-write']);
export type PermissionGroup = z.infer<typeof PermissionGroup>;

export const PERMISSION_GROUP_LABELS: Record<PermissionGroup, string> = {
  read: 'Read library and history',
  playback: 'Control playback',
  'library-write': 'Change library',
  'playlists-write': 'Change playlists',
};

export const AssistantPolicy = z.object({
  groups: z.array(PermissionGroup),
  providers: z.array(z.enum(['spotify', 'tidal'])),
  paused: z.boolean(),
  /**
   * "Ask me" mode: every call that changes something (any method but GET) waits for the person to
   * allow it in TuneBridge, and is refused when they decline or don't answer in time. Absent in
   * settings written before it existed, which means off.
   */
  askBeforeChanges: z.boolean().optional(),
});
export type AssistantPolicy = z.infer<typeof AssistantPolicy>;

/** A newly connected assistant may read, and nothing more, until the person says otherwise. */
export const DEFAULT_ASSISTANT_POLICY: AssistantPolicy = {
  groups: ['read'],
  providers: ['spotify', 'tidal'],
  paused: false,
};

export const SCOPES_BY_GROUP: Record<ProviderId, Record<PermissionGroup, readonly string[]>> = {
  spotify: {
    read: [
      'user-read-private',
      'user-read-email',
      'user-library-read',
      'user-follow-read',
      'user-top-read',
      'user-read-recently-played',
      'user-read-playback-position',
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
    // As for Spotify: a change reads the playlist's items first.
    'playlists-write': ['playlists.write', 'playlists.read'],
  },
};

export function scopesAllowedBy(
  provider: ProviderId,
  groups: readonly PermissionGroup[],
): Set<string> {
  const allowed = new Set<string>();
  for (const group of groups)
    for (const scope of SCOPES_BY_GROUP[provider][group]) allowed.add(scope);
  return allowed;
}

/** The group a person must switch on for a scope, so refusals can name the switch. */
export function groupForScope(provider: ProviderId, scope: string): PermissionGroup | undefined {
  const groups = PermissionGroup.options;
  return groups.find((group) => SCOPES_BY_GROUP[provider][group].includes(scope));
}
