import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import { dataDir, hostPaths } from '../protocol/data-folder.js';
import { brokerAddress } from '../broker-client/host-address.js';
import { VERSION } from '../protocol/version.js';
import { createBridgeServer } from './bridge-server.js';
import type { AccessView } from '../protocol/data-folder.js';
import type { FastStartTransport } from './fast-start-transport.js';
import type { visibleNames as filter } from './tool-visibility.js';
import { HostSession } from './host-session.js';
import { PROMPTS } from './prompts/index.js';
import { RESOURCES } from './resources/index.js';
import { guardParams } from './params-guard.js';
import { TOOLS } from './tools/index.js';

/** The full bridge: the MCP SDK server, the tools and the host session, loaded after start-up. */
export async function connectRuntime(
  transport: FastStartTransport,
  env: NodeJS.ProcessEnv,
  /** What the fast start listed from: the host's published file, if there was one. */
  initialView: AccessView | undefined,
  visibleNames: typeof filter,
): Promise<void> {
  const paths = hostPaths(dataDir(env));
  const session = new HostSession({
    // Read at each connect: a restarted Windows host listens on a new pipe.
    socketPath: () => brokerAddress(paths),
    assistantKey: env.TUNEBRIDGE_CLIENT_KEY,
    // The MCP client's own name, once it has introduced itself, names a new assistant.
    client: () => {
      const info = server.server.getClientVersion();
      return info
        ? { name: info.name, version: info.version }
        : { name: 'tunebridge-bridge', version: VERSION };
    },
  });
  const { server, followPolicy } = createBridgeServer({
    version: VERSION,
    tools: TOOLS,
    session,
    initialView,
    visibleNames,
    resources: RESOURCES,
    prompts: PROMPTS,
  });
  await server.connect(transport);
  guardParams(transport);
  transport.handOver((message) => JSONRPCMessageSchema.parse(message));
  // Once the host answers, the tool list narrows to what this assistant may do (list_changed).
  followPolicy();
}
