import type { McpServerEntry } from '../../protocol/broker.js';

/** The argument that turns the app's executable into the stdio MCP bridge and nothing else. */
export const MCP_BRIDGE_ARG = '--mcp-bridge';

/**
 * Whether this process was started as the bridge. Only arguments before a `--` count, and only
 * the exact flag: Chromium adds switches of its own, and a file name that merely contains the
 * text must not flip the app into a headless mode.
 */
export function isBridgeMode(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv.slice(1) : argv.slice(1, end);
  return options.includes(MCP_BRIDGE_ARG);
}

export interface DesktopBridgeEntryOptions {
  assistantKey: string;
  /** The data directory the host runs from; the bridge finds the broker socket through it. */
  home: string;
  /** `process.execPath`. */
  execPath: string;
  /** `app.isPackaged`. */
  isPackaged: boolean;
  /** The main script, for development runs (`electron dist/electron/main.js`). */
  mainScript: string;
  /** `process.env.APPIMAGE`: an AppImage runs from a mount point that changes every launch. */
  appImage?: string;
  platform: NodeJS.Platform;
  /** dist/bridge.cjs outside the asar (app.asar.unpacked), for Windows. */
  nodeBridgeScript: string;
}

/**
 * The MCP client config entry for the desktop app: the app's own executable with
 * `--mcp-bridge`, so it works with the RunAsNode fuse off and needs no Node on the machine.
 * MCP clients start servers with a bare environment and `/` as working directory, so every path
 * is absolute and the data directory is spelled out.
 */
export function desktopBridgeEntry(options: DesktopBridgeEntryOptions): McpServerEntry {
  const env = { TUNEBRIDGE_CLIENT_KEY: options.assistantKey, TUNEBRIDGE_HOME: options.home };
  // Electron's Windows executable is a GUI program: its stdin ends at once, so the bridge would
  // stop ~200 ms after starting. There the client runs the Node bridge instead.
  if (options.platform === 'win32') {
    return { command: 'node', args: [options.nodeBridgeScript], env };
  }
  const command = options.isPackaged && options.appImage ? options.appImage : options.execPath;
  return {
    command,
    args: options.isPackaged ? [MCP_BRIDGE_ARG] : [options.mainScript, MCP_BRIDGE_ARG],
    env,
  };
}
