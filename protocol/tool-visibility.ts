// No zod here, on purpose: the bridge's fast start filters its first `tools/list` with this
// before it has loaded any library, and the SDK server filters every later list with it too.
import { scopesAllowedBy, type GroupName } from './policy-scopes.js';

type ProviderName = 'spotify' | 'tidal';

/** What decides whether an assistant may see a tool, resource or prompt. */
export interface ToolAccess {
  name: string;
  provider: ProviderName;
  /** Provider scopes it needs; every one must be covered by a permission group. */
  scopes: readonly string[];
  /** Changes nothing: the only kind listed before the host has ever said what is allowed. */
  readOnly: boolean;
}

/**
 * What the host says about one assistant: its policy and which providers are connected. The
 * bridge gets it from `whoami`, and, before it has reached the host, from the file the host
 * publishes for its key (`run/tools-<hash>.json`, see tool-access-file.ts).
 */
export interface AccessView {
  policy: { groups: readonly GroupName[]; providers: readonly ProviderName[]; paused: boolean };
  providers: ReadonlyArray<{ provider: ProviderName; status: string }>;
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
  return items
    .filter((item) => {
      if (!connected.has(item.provider) || !view.policy.providers.includes(item.provider)) {
        return false;
      }
      const allowed = scopesAllowedBy(item.provider, view.policy.groups);
      return item.scopes.every((scope) => allowed.has(scope));
    })
    .map((item) => item.name);
}
