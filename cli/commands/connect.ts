import { join, resolve } from 'node:path';
import { McpClientId } from '../../protocol/assistant.js';
import {
  currentEnvironment,
  configPath,
  isInstalled,
} from '../../electron/host/clients/client-paths.js';
import { MCP_CLIENTS } from '../../electron/host/clients/mcp-clients.js';
import { dataDir } from '../../protocol/data-folder.js';
import { CliError } from '../cli-error.js';
import { send } from '../../broker-client/send-operation.js';
import { asCliError, connectToHost } from '../host-control.js';
import { openUrl } from '../open-url.js';
import { home } from '../home-path.js';
import { UNNAMED_ASSISTANT } from '../../protocol/assistant-name.js';

const USAGE = `Usage:
  tunebridge connect <client>          write TuneBridge into that client's config, with a new key
  tunebridge connect claude-desktop --bundle [--out FILE] [--no-open]
                                       make a Claude Desktop extension (.mcpb) instead
  tunebridge connect print [--name NAME]   print an entry to paste into any MCP client

Clients: ${McpClientId.options.join(', ')}`;

/** `tunebridge connect [client]`: with no client, lists the clients found here. */
export async function connect(
  target: string | undefined,
  values: { name: string; bundle: boolean; out?: string; open: boolean },
): Promise<number> {
  if (target === 'print') return print(values.name);
  if (target === undefined) {
    process.stdout.write(`${USAGE}\n\n${detected()}\n`);
    return 2;
  }
  const parsed = McpClientId.safeParse(target);
  if (!parsed.success) throw new CliError(`Unknown client "${target}".\n\n${USAGE}`, 2);
  if (values.bundle) {
    if (parsed.data !== 'claude-desktop') {
      throw new CliError('Only Claude Desktop installs MCP bundles (.mcpb).', 2);
    }
    return bundle(values.out, values.open);
  }
  return connectConfig(parsed.data);
}

async function connectConfig(mcpClient: McpClientId): Promise<number> {
  const host = await connectToHost();
  try {
    const { connected: answer } = await send(host, { op: 'assistant.connect', mcpClient });
    if (answer.via !== 'config') throw new CliError('TuneBridge wrote a bundle instead.');
    const name = MCP_CLIENTS[mcpClient].displayName;
    const lines = [
      `${name} is connected: TuneBridge wrote its entry into ${home(answer.configPath)}.`,
    ];
    if (answer.backupPath) lines.push(`The previous file is kept as ${home(answer.backupPath)}.`);
    if (answer.replacedOldKey) lines.push('The key it held before has been revoked.');
    lines.push(
      answer.restartHint,
      answer.keptPermissions
        ? `${answer.assistant.name} keeps its permissions: it has a new key, and the old one no longer works.`
        : `${name} may read your library; allow more (playback, playlist changes) in TuneBridge.`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}

async function bundle(out: string | undefined, open: boolean) {
  const outFile = resolve(out ?? join(dataDir(), 'TuneBridge.mcpb'));
  const host = await connectToHost();
  try {
    // The host writes the bundle and issues its key: the same rules as the window's Connect.
    const { connected: answer } = await send(host, {
      op: 'assistant.connect',
      mcpClient: 'claude-desktop',
      via: 'bundle',
      bundlePath: outFile,
    });
    if (answer.via !== 'bundle') throw new CliError('TuneBridge wrote a config entry instead.');
    const opened = open && (await openUrl(outFile));
    // The person asked for this key: it is shown once, to paste into Claude Desktop's prompt.
    // eslint-disable-next-line tunebridge/no-token-logging
    process.stdout.write(
      [
        `Claude Desktop extension written to ${home(outFile)}.`,
        opened
          ? 'Claude Desktop should now offer to install it.'
          : 'Open it (double-click) to install it in Claude Desktop.',
        'When Claude Desktop asks for the TuneBridge key, paste this one (shown only this once):',
        '',
        `  ${answer.assistantKey}`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}

async function print(name: string): Promise<number> {
  const host = await connectToHost();
  try {
    const answer = await send(host, { op: 'assistant.issue', name });
    process.stdout.write(
      `${JSON.stringify({ mcpServers: { tunebridge: answer.entry } }, null, 2)}\n`,
    );
    process.stderr.write(
      `\nPaste the entry above into your MCP client's config (its "mcpServers" section) and restart the client.\n` +
        `It holds a new key for "${answer.assistant.name}", shown only this once${answer.assistant.name === UNNAMED_ASSISTANT ? ' (renamed after your client when it first connects)' : ''}. The assistant may read your library;\n` +
        `allow more (playback, playlist changes) in TuneBridge.\n`,
    );
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}

function detected(): string {
  const at = currentEnvironment();
  return McpClientId.options
    .map((id) => {
      const mark = isInstalled(id, at) ? 'found' : 'not found';
      return `  ${id.padEnd(15)} ${mark.padEnd(10)} ${home(configPath(id, at))}`;
    })
    .join('\n');
}
