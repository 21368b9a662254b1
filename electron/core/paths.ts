import { homedir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

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
  brokerSocket: string;
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
    brokerSocket: brokerSocketPath(home, runDir),
    controlKeyFile: join(runDir, 'control.key'),
  };
}

/** Unix socket paths are limited to about 104 bytes, so a deep data dir gets a short pipe name. */
function brokerSocketPath(home: string, runDir: string): string {
  if (process.platform === 'win32') {
    const user = process.env.USERNAME ?? 'user';
    const tag = createHash('sha256').update(home).digest('hex').slice(0, 12);
    return `\\\\.\\pipe\\tunebridge-${user}-${tag}`;
  }
  return join(runDir, 'broker.sock');
}
