import { homedir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';

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

export function hostPaths(home: string = dataDir()): HostPaths {
  const runDir = join(home, 'run');
  return {
    home,
    settingsFile: join(home, 'settings.json'),
    auditDir: join(home, 'audit'),
    secretsFile: join(home, 'secrets.enc'),
    runDir,
    brokerSocket: join(runDir, 'broker.sock'),
    brokerPipeFile: join(runDir, 'broker.pipe'),
    controlKeyFile: join(runDir, 'control.key'),
  };
}

/**
 * Where to reach the running host. On Windows the pipe name is random per start and read from
 * the run directory, so nobody can create a look-alike pipe before the host does.
 */
export async function brokerAddress(
  paths: HostPaths,
  platform: NodeJS.Platform = process.platform,
): Promise<string> {
  if (platform !== 'win32') return paths.brokerSocket;
  try {
    const name = (await readFile(paths.brokerPipeFile, 'utf8')).trim();
    if (/^\\\\\.\\pipe\\tunebridge-[0-9a-f]{32}$/.test(name)) return name;
  } catch {
    // No host has published a pipe: connecting to the socket path fails with the usual advice.
  }
  return paths.brokerSocket;
}
