// The file the host publishes per assistant so a starting bridge lists the right tools at once.
// Read by the bridge before it loads zod, so the shape is checked by hand here, in one place.
import { join } from 'node:path';
import type { AccessView } from './tool-visibility.js';

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
