// The one filter for what an assistant sees, used by the fast start before it has loaded any
// library and, handed over by it, by the SDK server after each `whoami`. Zod-free, and imported
// by the start-up code only, so the bundler keeps it in the start-up module: each extra ES module
// on that path costs most of a millisecond.
import type { AccessView } from '../protocol/data-folder.js';

/** The permission groups in bit order (PermissionGroup's): a set of groups is a 4-bit number. */
export const GROUP_BITS: readonly string[] = [
  'read',
  'playback',
  'library-write',
  'playlists-write',
];

/** What decides whether an assistant may see a tool (also resources and prompts, via tools). */
export interface ToolAccess {
  name: string;
  provider: string;
  /** Changes nothing: the only kind listed before the host has ever said what is allowed. */
  readOnly: boolean;
  /**
   * Bit n is set when the set of groups numbered n covers every scope the tool needs, worked out
   * at build time from `SCOPES_BY_GROUP` (bridge-manifest.ts), so the start-up needs no table.
   */
  coveredBy: number;
}

/** The number of a set of permission groups, the index into `ToolAccess.coveredBy`. */
export function groupSetIndex(groups: readonly string[]): number {
  return GROUP_BITS.reduce(
    (index, group, bit) => (groups.includes(group) ? index | (1 << bit) : index),
    0,
  );
}

/**
 * The names an assistant may see now: its provider is connected and switched on for it, it is
 * not paused, and every scope is covered by a permission group it has. Without a view (the host
 * never published one for this key) only read-only items are listed: the safe default.
 */
export function visibleNames(items: readonly ToolAccess[], view: AccessView | undefined): string[] {
  if (!view) return items.filter((item) => item.readOnly).map((item) => item.name);
  if (view.policy.paused) return [];
  const connected = new Set(
    view.providers.filter((account) => account.status === 'connected').map((a) => a.provider),
  );
  const groups = 1 << groupSetIndex(view.policy.groups);
  return items
    .filter(
      (item) =>
        connected.has(item.provider) &&
        view.policy.providers.includes(item.provider) &&
        (item.coveredBy & groups) !== 0,
    )
    .map((item) => item.name);
}
