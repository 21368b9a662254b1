import { access, mkdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../host/fs/atomic-write.js';

/** Given when the system starts TuneBridge at login: it goes to the tray without a window. */
export const BACKGROUND_ARG = '--background';

/**
 * Start-at-login on Linux, where Electron's `setLoginItemSettings` does nothing: an XDG
 * autostart entry. macOS and Windows use Electron's API (see tray.ts), which asks the OS.
 */
export function linuxAutostartFile(env: NodeJS.ProcessEnv = process.env): string {
  const config = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, 'autostart', 'tunebridge.desktop');
}

/** The desktop entry text; `command` is absolute (the AppImage, or the installed executable). */
export function linuxAutostartEntry(command: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=TuneBridge',
    'Comment=Lets AI assistants use your music accounts safely',
    `Exec=${quoteExecArg(command)} ${BACKGROUND_ARG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * Quoting per the Desktop Entry spec: the argument in double quotes, with `"`, `` ` ``, `$` and
 * `\` escaped by a backslash, and `%` doubled so it is not read as a field code.
 */
export function quoteExecArg(arg: string): string {
  return `"${arg.replace(/["`$\\]/g, '\\$&').replace(/%/g, '%%')}"`;
}

export async function isLinuxAutostartEnabled(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

export async function setLinuxAutostart(file: string, command: string, enabled: boolean) {
  if (!enabled) {
    await rm(file, { force: true });
    return;
  }
  // ~/.config/autostart is the desktop's own folder, shared with other apps: not made private.
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, linuxAutostartEntry(command), { mode: 0o644 });
}
