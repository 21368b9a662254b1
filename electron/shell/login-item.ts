import { app } from 'electron';
import {
  BACKGROUND_ARG,
  isLinuxAutostartEnabled,
  linuxAutostartFile,
  setLinuxAutostart,
} from './start-at-login.js';

export interface StartAtLoginControl {
  get(): Promise<boolean>;
  set(enabled: boolean): Promise<void>;
}

/**
 * Start at login, where the app is installed for real: Electron's login items on macOS and
 * Windows, an XDG autostart entry on Linux. Undefined in development runs, which would register
 * the bare Electron binary.
 */
export function startAtLoginControl(): StartAtLoginControl | undefined {
  if (!app.isPackaged) return undefined;
  if (process.platform === 'linux') {
    const file = linuxAutostartFile();
    const command = process.env.APPIMAGE || process.execPath;
    return {
      get: () => isLinuxAutostartEnabled(file),
      set: (enabled) => setLinuxAutostart(file, command, enabled),
    };
  }
  if (process.platform !== 'darwin' && process.platform !== 'win32') return undefined;
  const args = [BACKGROUND_ARG];
  return {
    get: async () => app.getLoginItemSettings({ args }).openAtLogin,
    set: async (openAtLogin) => app.setLoginItemSettings({ openAtLogin, args }),
  };
}

/** Started by the system at login: stay in the tray instead of opening the window. */
export function startedAtLogin(argv: readonly string[]): boolean {
  if (argv.includes(BACKGROUND_ARG)) return true;
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}
