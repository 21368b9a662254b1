import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { dataDir, hostPaths } from '../electron/core/paths.js';
import { createBridgeServer } from './bridge-server.js';
import { HostSession } from './host-session.js';
import { TOOLS } from './tools/index.js';
import { VERSION } from '../protocol/version.js';

/** Runs the stdio MCP bridge. Stdout is MCP only; anything human goes to stderr. */
export async function runBridge(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const session = new HostSession({
    socketPath: hostPaths(dataDir(env)).brokerSocket,
    clientKey: env.TUNEBRIDGE_CLIENT_KEY,
    client: { name: 'tunebridge-bridge', version: VERSION },
  });
  const server = createBridgeServer({ version: VERSION, tools: TOOLS, session });
  const transport = new StdioServerTransport();
  transport.onclose = () => session.close();
  await server.connect(transport);
  process.stdin.on('end', () => {
    session.close();
    void server.close();
  });
}
