import { z } from 'zod';
import type { ProviderId } from './providers.js';
import { SCOPES_BY_GROUP, type GroupName } from './tool-visibility.js';

/**
 * What a person switches on or off per assistant. Each group stands for a set of provider scopes;
 * a capability only ever carries scopes that the grant holds and an enabled group covers.
 */
export const PermissionGroup = z.enum(['read', 'playback', 'library-write', 'playlists-write']);
export type PermissionGroup = z.infer<typeof PermissionGroup>;
// tool-visibility.ts spells the names out without zod; this stops the two lists from drifting.
true satisfies [GroupName] extends [PermissionGroup]
  ? [PermissionGroup] extends [GroupName]
    ? true
    : false
  : false;

export const PERMISSION_GROUP_LABELS: Record<PermissionGroup, string> = {
  read: 'Read library and history',
  playback: 'Control playback',
  'library-write': 'Change library',
  'playlists-write': 'Change playlists',
};

export const ClientPolicy = z.object({
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
export type ClientPolicy = z.infer<typeof ClientPolicy>;

/** A newly connected assistant may read, and nothing more, until the person says otherwise. */
export const DEFAULT_CLIENT_POLICY: ClientPolicy = {
  groups: ['read'],
  providers: ['spotify', 'tidal'],
  paused: false,
};

export { SCOPES_BY_GROUP, scopesAllowedBy } from './tool-visibility.js';

/** The group a person must switch on for a scope, so refusals can name the switch. */
export function groupForScope(provider: ProviderId, scope: string): PermissionGroup | undefined {
  const groups = PermissionGroup.options;
  return groups.find((group) => SCOPES_BY_GROUP[provider][group].includes(scope));
}
