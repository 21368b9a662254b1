import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';
import { BrokerError } from '../broker/broker-error.js';

/**
 * The oldest Node the bridge runs on: what the CLI's dependencies declare (commander 15 wants
 * >=22.12.0), and a release line still getting security fixes, which Node 20 (ended 2026-04-30)
 * is not. The bridge never loads undici, so the host's stricter floor (package.json) doesn't
 * apply here. The .mcpb manifest declares the same range.
 */
export const MIN_NODE_VERSION = '22.12.0';
export const MCPB_NODE_RANGE = `>=${MIN_NODE_VERSION}`;

/** The one line that puts a supported Node (24 LTS) in reach, for messages. */
export const GET_SUPPORTED_NODE =
  'npm install --prefix ~/.node24 node@24 && export PATH=~/.node24/node_modules/.bin:$PATH';

/**
 * The Node that would be written into an MCP client's config is older than the bridge needs.
 * Sent over the broker as `client_config`, so `connect` shows the person this message.
 */
export class NodeTooOldError extends BrokerError {
  constructor(
    readonly nodePath: string,
    readonly version: string,
  ) {
    super(
      'client_config',
      `TuneBridge runs on Node.js ${version} (${nodePath}), but MCP clients start the bridge with ` +
        `that Node and it needs ${MIN_NODE_VERSION} or newer. Get Node.js 24 LTS with: ` +
        `${GET_SUPPORTED_NODE} — then start TuneBridge again under it and connect again.`,
    );
  }
}

/** How an MCP client starts the bridge: always an absolute command, never a bare `node`. */
export interface BridgeCommand {
  command: string;
  args: string[];
}

export interface NodeSearch {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  /** This process's own Node, when it is one (not Electron). */
  selfNode?: { path: string; version: string };
  /** Prints a candidate's version; the default runs `<path> --version`. */
  probe?: (path: string) => Promise<string | undefined>;
}

/** `nodePath` when its version can run the bridge; otherwise the error `connect` reports. */
export function bridgeNode(nodePath: string, version: string): string {
  if (!supported(version)) throw new NodeTooOldError(nodePath, version);
  return nodePath;
}

/**
 * Finds a Node ≥ 22.12 on this machine to run the bundled bridge script with. Clients start servers
 * with a bare environment, so the answer is an absolute path; a version-manager shim on PATH is
 * kept as found (it survives upgrades, unlike the versioned directory it points to).
 */
export async function findNode(search: NodeSearch): Promise<string | undefined> {
  if (search.selfNode && isAbsolute(search.selfNode.path) && supported(search.selfNode.version)) {
    return search.selfNode.path;
  }
  const probe = search.probe ?? probeVersion;
  for (const candidate of candidates(search)) {
    if (!(await executable(candidate, search.platform))) continue;
    if (supported(await probe(candidate))) return candidate;
  }
  return undefined;
}

/**
 * The command for an entry: a found Node running the bundled bridge script, else the installed
 * app's own executable with `--mcp-bridge`. Never ELECTRON_RUN_AS_NODE: that fuse stays off.
 */
export function bridgeCommand(options: {
  nodePath?: string;
  bridgeScript: string;
  appExecutable?: string;
}): BridgeCommand {
  if (options.nodePath) return { command: options.nodePath, args: [options.bridgeScript] };
  if (options.appExecutable) return { command: options.appExecutable, args: ['--mcp-bridge'] };
  throw new Error(
    `No Node.js ${MIN_NODE_VERSION} or later was found, and there is no TuneBridge app to run the bridge with. Get Node.js 24 LTS with: ${GET_SUPPORTED_NODE} — then connect again.`,
  );
}

export function supported(version: string | undefined): boolean {
  const found = parts(version);
  const minimum = parts(MIN_NODE_VERSION);
  if (!found || !minimum) return false;
  for (let i = 0; i < 3; i += 1) {
    if (found[i] !== minimum[i]) return found[i]! > minimum[i]!;
  }
  return true;
}

/** [major, minor, patch] of `v22.12.0` or `22.12.0`; undefined for anything else. */
function parts(version: string | undefined): [number, number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version?.trim() ?? '');
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function candidates(search: NodeSearch): string[] {
  const { platform, env, home } = search;
  const exe = platform === 'win32' ? 'node.exe' : 'node';
  const pathVar = env.PATH ?? env.Path ?? '';
  const separator = platform === 'win32' ? ';' : delimiter;
  const onPath = pathVar
    .split(separator)
    .filter((dir) => dir && isAbsolute(dir))
    .map((dir) => join(dir, exe));
  const wellKnown =
    platform === 'win32'
      ? [
          join(env.ProgramFiles ?? 'C:\\Program Files', 'nodejs', exe),
          join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'Volta', 'bin', exe),
        ]
      : platform === 'darwin'
        ? ['/opt/homebrew/bin/node', '/usr/local/bin/node', join(home, '.volta', 'bin', 'node')]
        : ['/usr/local/bin/node', '/usr/bin/node', join(home, '.volta', 'bin', 'node')];
  return [...new Set([...onPath, ...wellKnown])];
}

async function executable(path: string, platform: NodeJS.Platform): Promise<boolean> {
  try {
    await access(path, platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function probeVersion(path: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    execFile(path, ['--version'], { timeout: 3000, env }, (error, stdout) =>
      resolve(error ? undefined : stdout.trim()),
    );
  });
}
