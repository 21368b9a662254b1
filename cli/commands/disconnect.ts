import type { McpClientId } from '../../protocol/assistant.js';
import { MCP_CLIENTS } from '../../electron/host/clients/mcp-clients.js';
import { send } from '../../broker-client/send-operation.js';
import { asCliError, connectToHost } from '../host-control.js';
import { home } from '../home-path.js';

/** `tunebridge disconnect <client>`: removes our entry and revokes the keys it held. */
export async function disconnect(mcpClient: McpClientId): Promise<number> {
  const host = await connectToHost();
  try {
    const answer = await send(host, { op: 'assistant.disconnect', mcpClient });
    const name = MCP_CLIENTS[mcpClient].displayName;
    const lines = answer.removed
      ? [`Removed TuneBridge from ${home(answer.configPath)}; everything else in it is unchanged.`]
      : [`${home(answer.configPath)} has no TuneBridge entry; nothing to remove.`];
    if (answer.backupPath) lines.push(`The previous file is kept as ${home(answer.backupPath)}.`);
    if (answer.revoked) lines.push(`The key ${name} held is revoked.`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}
