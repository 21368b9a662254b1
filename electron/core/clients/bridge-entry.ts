import type { McpServerEntry } from '../../../protocol/broker.js';

/**
 * The config entry an MCP client uses to start the bridge. Clients start servers with a bare
 * environment and `/` as working directory, so every path is absolute and the data directory is
 * spelled out rather than left to HOME.
 */
export function bridgeEntry(options: {
  clientKey: string;
  home: string;
  nodePath: string;
  cliScript: string;
}): McpServerEntry {
  return {
    command: options.nodePath,
    args: [options.cliScript, 'bridge'],
    env: {
      TUNEBRIDGE_CLIENT_KEY: options.clientKey,
      TUNEBRIDGE_HOME: options.home,
    },
  };
}
