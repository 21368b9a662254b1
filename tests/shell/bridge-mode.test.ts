import { describe, expect, it } from 'vitest';
import { McpServerEntry } from '../../protocol/broker.js';
import { desktopBridgeEntry, isBridgeMode } from '../../electron/shell/bridge-mode.js';

describe('--mcp-bridge', () => {
  it('is seen in a packaged run and a development run', () => {
    expect(
      isBridgeMode(['/Applications/TuneBridge.app/Contents/MacOS/TuneBridge', '--mcp-bridge']),
    ).toBe(true);
    expect(isBridgeMode(['/usr/bin/electron', 'dist/electron/main.js', '--mcp-bridge'])).toBe(true);
    expect(isBridgeMode(['C:\\TuneBridge.exe', '--no-sandbox', '--mcp-bridge'])).toBe(true);
  });

  it('is not seen anywhere else', () => {
    expect(isBridgeMode(['/opt/TuneBridge/tunebridge'])).toBe(false);
    expect(isBridgeMode(['/opt/TuneBridge/tunebridge', '--background'])).toBe(false);
    expect(isBridgeMode(['/opt/TuneBridge/tunebridge', '--mcp-bridge=1'])).toBe(false);
    expect(isBridgeMode(['/opt/TuneBridge/tunebridge', 'file--mcp-bridge'])).toBe(false);
    expect(isBridgeMode(['/opt/TuneBridge/tunebridge', '--', '--mcp-bridge'])).toBe(false);
    // The executable's own path never counts.
    expect(isBridgeMode(['--mcp-bridge'])).toBe(false);
  });

  it('config entries start the app itself with absolute paths and the data folder', () => {
    const packaged = desktopBridgeEntry({
      assistantKey: 'key',
      home: '/home/me/.local/share/tunebridge',
      execPath: '/opt/TuneBridge/tunebridge',
      isPackaged: true,
      mainScript: '/opt/TuneBridge/resources/app.asar/dist/electron/main.js',
      platform: 'linux',
      nodeBridgeScript: '/opt/TuneBridge/resources/app.asar.unpacked/dist/bridge.cjs',
    });
    expect(McpServerEntry.parse(packaged)).toEqual({
      command: '/opt/TuneBridge/tunebridge',
      args: ['--mcp-bridge'],
      env: { TUNEBRIDGE_CLIENT_KEY: 'key', TUNEBRIDGE_HOME: '/home/me/.local/share/tunebridge' },
    });
    // Never ELECTRON_RUN_AS_NODE: the fuse is off.
    expect(Object.keys(packaged.env)).not.toContain('ELECTRON_RUN_AS_NODE');
  });

  it('an AppImage is named by its file, not its temporary mount', () => {
    const entry = desktopBridgeEntry({
      assistantKey: 'k',
      home: '/h',
      execPath: '/tmp/.mount_TuneBrXYZ/tunebridge',
      isPackaged: true,
      mainScript: '/tmp/.mount_TuneBrXYZ/resources/app.asar/dist/electron/main.js',
      appImage: '/home/me/Apps/TuneBridge.AppImage',
      platform: 'linux',
      nodeBridgeScript: '/unused',
    });
    expect(entry.command).toBe('/home/me/Apps/TuneBridge.AppImage');
  });

  it('a development run names Electron and the main script', () => {
    const entry = desktopBridgeEntry({
      assistantKey: 'k',
      home: '/h',
      execPath: '/repo/node_modules/electron/dist/electron',
      isPackaged: false,
      mainScript: '/repo/dist/electron/main.js',
      appImage: '/ignored.AppImage',
      platform: 'darwin',
      nodeBridgeScript: '/repo/dist/bridge.cjs',
    });
    expect(entry.command).toBe('/repo/node_modules/electron/dist/electron');
    expect(entry.args).toEqual(['/repo/dist/electron/main.js', '--mcp-bridge']);
  });

  it('on Windows runs the Node bridge, since the GUI executable has no working stdin', () => {
    const entry = desktopBridgeEntry({
      assistantKey: 'k',
      home: 'C:\\Users\\me\\AppData\\Roaming\\TuneBridge',
      execPath: 'C:\\Program Files\\TuneBridge\\TuneBridge.exe',
      isPackaged: true,
      mainScript: 'C:\\Program Files\\TuneBridge\\resources\\app.asar\\dist\\electron\\main.js',
      platform: 'win32',
      nodeBridgeScript:
        'C:\\Program Files\\TuneBridge\\resources\\app.asar.unpacked\\dist\\bridge.cjs',
    });
    expect(McpServerEntry.parse(entry)).toEqual({
      command: 'node',
      args: ['C:\\Program Files\\TuneBridge\\resources\\app.asar.unpacked\\dist\\bridge.cjs'],
      env: {
        TUNEBRIDGE_CLIENT_KEY: 'k',
        TUNEBRIDGE_HOME: 'C:\\Users\\me\\AppData\\Roaming\\TuneBridge',
      },
    });
  });
});
