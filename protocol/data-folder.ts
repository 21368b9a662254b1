import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where TuneBridge keeps its settings, audit log, encrypted secrets and run-time files. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TUNEBRIDGE_HOME) return env.TUNEBRIDGE_HOME;
  const home = homedir();
  switch (process.platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'TuneBridge');
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'TuneBridge');
    default:
      return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'tunebridge');
  }
}

export interface HostPaths {
  home: string;
  settingsFile: string;
  auditDir: string;
  secretsFile: string;
  /** 0700: holds the broker socket and the control key. */
  runDir: string;
  /** Unix socket path; on Windows see `brokerPipeFile`. */
  brokerSocket: string;
  /** Windows only: holds the random pipe name of the running host (owner-only directory). */
  brokerPipeFile: string;
  controlKeyFile: string;
}

/**
 * The data folder's layout: a contract between the host (which writes it) and the bridge and CLI
 * (which find the host through it). Renaming an entry here moves it for every process at once.
 */
export const DATA_FOLDER = {
  settings: 'settings.json',
  audit: 'audit',
  secrets: 'secrets.enc',
  run: 'run',
  brokerSocket: 'broker.sock',
  brokerPipe: 'broker.pipe',
  controlKey: 'control.key',
  /** The bridge's launcher, which MCP client configs start: rewritten at every host start. */
  bin: 'bin',
  bridgeLauncher: 'tunebridge-bridge',
} as const;

export function hostPaths(home: string = dataDir()): HostPaths {
  const runDir = join(home, DATA_FOLDER.run);
  return {
    home,
    settingsFile: join(home, DATA_FOLDER.settings),
    auditDir: join(home, DATA_FOLDER.audit),
    secretsFile: join(home, DATA_FOLDER.secrets),
    runDir,
    brokerSocket: join(runDir, DATA_FOLDER.brokerSocket),
    brokerPipeFile: join(runDir, DATA_FOLDER.brokerPipe),
    controlKeyFile: join(runDir, DATA_FOLDER.controlKey),
  };
}

// --- What the host publishes per assistant for the bridge's first tool list -----------------

export const TOOL_ACCESS_FILE_VERSION = 1;

/**
 * `run/tools-<first 32 hex of SHA-256(client key)>.json`: the host stores that hash already, and
 * the bridge can compute it from its key; the run directory is owner-only (0700), the file 0600.
 */
export function toolAccessFile(runDir: string, keyHashHex: string): string {
  return join(runDir, `tools-${keyHashHex.slice(0, 32)}.json`);
}

/**
 * What decides an assistant's tool list: its policy and which providers are connected. The
 * bridge gets it from `whoami` and, before it has reached the host, from this file.
 */
export interface AccessView {
  policy: { groups: readonly string[]; providers: readonly string[]; paused: boolean };
  providers: ReadonlyArray<{ provider: string; status: string }>;
}

export interface ToolAccessFile extends AccessView {
  version: typeof TOOL_ACCESS_FILE_VERSION;
}

/** PermissionGroup and ProviderId, spelled out without zod (tests check they agree). */
export const PUBLISHED_GROUPS: readonly string[] = [
  'read',
  'playback',
  'library-write',
  'playlists-write',
];
export const PUBLISHED_PROVIDERS: readonly string[] = ['spotify', 'tidal'];
const GROUPS = new Set(PUBLISHED_GROUPS);
const PROVIDERS = new Set(PUBLISHED_PROVIDERS);

/**
 * The view in a published file, or undefined when it is missing a part or from another version.
 * Checked by hand, not with zod: the bridge reads it at start-up, before it loads any library.
 */
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
