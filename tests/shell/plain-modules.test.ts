import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Only these files of electron/shell/ may import electron (or electron-store, which does). All
 * the rest hold the shell's logic and must load under plain Node, where the tests run them.
 */
const ELECTRON_GLUE = new Set([
  'app-protocol.ts',
  'bridge-process.ts',
  'desktop-host.ts',
  'desktop.ts',
  'ipc.ts',
  'login-item.ts',
  'main-window.ts',
  'preload.ts',
  'session-security.ts',
  'tray-security-control.ts',
  'tray.ts',
  'updates.ts',
]);

describe('electron/shell', () => {
  const files = readdirSync('electron/shell').filter((name) => name.endsWith('.ts'));

  it.each(files.filter((name) => !ELECTRON_GLUE.has(name)))(
    '%s does not import electron',
    (name) => {
      const text = readFileSync(`electron/shell/${name}`, 'utf8');
      expect(text).not.toMatch(/from ['"]electron(-store)?['"]|require\(['"]electron/);
    },
  );

  it('the preload reaches nothing but the two channels', () => {
    const text = readFileSync('electron/shell/preload.ts', 'utf8');
    expect(text).toMatch(/exposeInMainWorld\('tunebridge'/);
    expect(text).not.toMatch(/ipcRenderer\.(send|sendSync|postMessage)\b/);
    expect(text).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });
});
