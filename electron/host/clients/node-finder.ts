import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';

export const MIN_NODE_MAJOR = 20;

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

/**
 * Finds a Node ≥ 20 on this machine to run the bundled bridge script with. Clients start servers
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
  cliScript: string;
  appExecutable?: string;
}): BridgeCommand {
  if (options.nodePath) return { command: options.nodePath, args: [options.cliScript, 'bridge'] };
  if (options.appExecutable) return { command: options.appExecutable, args: ['--mcp-bridge'] };
  throw new Error(
    `No Node.js ${MIN_NODE_MAJOR} or later was found, and there is no TuneBridge app to run the bridge with. Install Node.js ${MIN_NODE_MAJOR}+ (nodejs.org) and connect again.`,
  );
}

export function supported(version: string | undefined): boolean {
  const major = /^v?(\d+)\./.exec(version?.trim() ?? '')?.[1];
  return major !== undefined && Number(major) >= MIN_NODE_MAJOR;
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
