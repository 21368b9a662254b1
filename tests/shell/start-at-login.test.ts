import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isLinuxAutostartEnabled,
  linuxAutostartEntry,
  linuxAutostartFile,
  quoteExecArg,
  setLinuxAutostart,
} from '../../electron/shell/start-at-login.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tb-autostart-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('start at login on Linux', () => {
  it('uses the XDG autostart folder', () => {
    expect(linuxAutostartFile({ XDG_CONFIG_HOME: '/cfg' })).toBe(
      '/cfg/autostart/tunebridge.desktop',
    );
  });

  it('quotes the command as the Desktop Entry spec says', () => {
    expect(quoteExecArg('/home/me/My Apps/TuneBridge.AppImage')).toBe(
      '"/home/me/My Apps/TuneBridge.AppImage"',
    );
    expect(quoteExecArg('/a"b`c$d\\e%f')).toBe('"/a\\"b\\`c\\$d\\\\e%%f"');
    expect(linuxAutostartEntry('/opt/TuneBridge/tunebridge')).toContain(
      'Exec="/opt/TuneBridge/tunebridge" --background\n',
    );
  });

  it('turns on and off by writing and removing the entry', async () => {
    const file = join(dir, 'autostart', 'tunebridge.desktop');
    expect(await isLinuxAutostartEnabled(file)).toBe(false);
    await setLinuxAutostart(file, '/opt/TuneBridge/tunebridge', true);
    expect(await isLinuxAutostartEnabled(file)).toBe(true);
    expect(await readFile(file, 'utf8')).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    await setLinuxAutostart(file, '/opt/TuneBridge/tunebridge', false);
    expect(await isLinuxAutostartEnabled(file)).toBe(false);
    // Turning off twice is fine.
    await setLinuxAutostart(file, '/opt/TuneBridge/tunebridge', false);
  });
});
