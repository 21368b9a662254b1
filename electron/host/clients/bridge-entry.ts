import type { McpServerEntry } from '../../../protocol/broker.js';
import type { BridgeCommand } from './node-finder.js';

/**
 * The config entry an MCP client uses to start the bridge. Clients start servers with a bare
 * environment and `/` as working directory, so every path is absolute and the data directory is
 * spelled out rather than left to HOME. `command` (from `bridgeCommand`) wins over
 * `nodePath` + `bridgeScript`, so the desktop app can point at a found Node or at itself.
 */
export function bridgeEntry(options: {
  assistantKey: string;
  home: string;
  nodePath: string;
  /** dist/bridge.cjs, the standalone bridge. */
  bridgeScript: string;
  command?: BridgeCommand;
}): McpServerEntry {
  const command = options.command ?? {
    command: options.nodePath,
    args: [options.bridgeScript],
  };
  return {
    command: command.command,
    args: command.args,
    env: {
      TUNEBRIDGE_CLIENT_KEY: options.assistantKey,
      TUNEBRIDGE_HOME: options.home,
    },
  };
}
