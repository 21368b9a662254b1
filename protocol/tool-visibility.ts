// What decides which tools an assistant sees: the scopes each permission group stands for, the
// one filtering function, and the file the host publishes per assistant. No zod here, on
// purpose, and one file: the bridge's fast start filters its first `tools/list` with this before
// it has loaded any library, and each extra module is most of a millisecond of its start.
import { join } from 'node:path';

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
 * publishes for its key (`run/tools-<hash>.json`, below).
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

// --- The published file -------------------------------------------------------------------

export const TOOL_ACCESS_FILE_VERSION = 1;

/**
 * `run/tools-<first 32 hex of SHA-256(client key)>.json`: the host stores that hash already, and
 * the bridge can compute it from its key; the run directory is owner-only (0700), the file 0600.
 */
export function toolAccessFile(runDir: string, keyHashHex: string): string {
  return join(runDir, `tools-${keyHashHex.slice(0, 32)}.json`);
}

export interface ToolAccessFile extends AccessView {
  version: typeof TOOL_ACCESS_FILE_VERSION;
}

const GROUPS = new Set(['read', 'playback', 'library-write', 'playlists-write']);
const PROVIDERS = new Set(['spotify', 'tidal']);

/** The view in a published file, or undefined when it is missing a part or from another version. */
export function parseToolAccessFile(text: string): AccessView | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(data) || data.version !== TOOL_ACCESS_FILE_VERSION) return undefined;
  const { policy, providers } = data;
  if (!isObject(policy) || !Array.isArray(providers)) return undefined;
  const { groups, paused } = policy;
  const allowedProviders = policy.providers;
  if (
    typeof paused !== 'boolean' ||
    !isListOf(groups, GROUPS) ||
    !isListOf(allowedProviders, PROVIDERS) ||
    !providers.every(
      (account) =>
        isObject(account) &&
        PROVIDERS.has(account.provider as string) &&
        typeof account.status === 'string',
    )
  ) {
    return undefined;
  }
  return data as unknown as AccessView;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isListOf(value: unknown, allowed: ReadonlySet<string>): boolean {
  return Array.isArray(value) && value.every((item) => allowed.has(item as string));
}
