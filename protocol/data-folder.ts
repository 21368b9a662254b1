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
