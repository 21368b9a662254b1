import { parseArgs } from 'node:util';
import { McpClientId } from '../../protocol/broker.js';
import { MCP_CLIENTS } from '../../electron/host/clients/mcp-clients.js';
import { CliError } from '../cli-error.js';
import { asCliError, connectToHost } from '../host-control.js';
import { home } from '../home-path.js';

export async function run(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const parsed = McpClientId.safeParse(positionals[0]);
  if (!parsed.success) {
    throw new CliError(
      `Usage: \`tunebridge disconnect <client>\` with one of: ${McpClientId.options.join(', ')}.`,
      2,
    );
  }
  const mcpClient = parsed.data;
  const host = await connectToHost();
  try {
    const answer = await host.request({ type: 'client.disconnect', mcpClient });
    if (answer.type !== 'client.disconnected') {
      throw new CliError(`Unexpected answer from TuneBridge: ${answer.type}`);
    }
    const name = MCP_CLIENTS[mcpClient].displayName;
    const lines = answer.removed
      ? [`Removed TuneBridge from ${home(answer.configPath)}; everything else in it is unchanged.`]
      : [`${home(answer.configPath)} has no TuneBridge entry; nothing to remove.`];
    if (answer.backupPath) lines.push(`The previous file is kept as ${home(answer.backupPath)}.`);
    if (answer.revokedClientId) lines.push(`The key ${name} held is revoked.`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}
