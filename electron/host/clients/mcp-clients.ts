import type { McpClientId, McpServerEntry } from '../../../protocol/broker.js';

/** The name of our one entry in every client's config. */
export const ENTRY_NAME = 'tunebridge';

export interface McpClientSpec {
  id: McpClientId;
  displayName: string;
  /** The top-level object that maps server names to entries. */
  serversKey: 'mcpServers' | 'servers';
  /** The entry as this client's config spells it. */
  shape(entry: McpServerEntry): Record<string, unknown>;
  /** What the person does after the file changed. */
  restartHint: string;
}

const plain = (entry: McpServerEntry) => ({
  command: entry.command,
  args: entry.args,
  env: entry.env,
});
const typed = (entry: McpServerEntry) => ({ type: 'stdio', ...plain(entry) });

export const MCP_CLIENTS: Record<McpClientId, McpClientSpec> = {
  'claude-desktop': {
    id: 'claude-desktop',
    displayName: 'Claude Desktop',
    serversKey: 'mcpServers',
    shape: plain,
    restartHint:
      'Quit Claude Desktop completely (also from the tray or menu bar) and open it again.',
  },
  'claude-code': {
    id: 'claude-code',
    displayName: 'Claude Code',
    serversKey: 'mcpServers',
    shape: typed,
    restartHint: 'Start a new Claude Code session; `/mcp` lists TuneBridge.',
  },
  cursor: {
    id: 'cursor',
    displayName: 'Cursor',
    serversKey: 'mcpServers',
    shape: plain,
    restartHint: 'Cursor picks the change up by itself; check Settings → MCP if TuneBridge is off.',
  },
  vscode: {
    id: 'vscode',
    displayName: 'VS Code',
    serversKey: 'servers',
    shape: typed,
    restartHint: 'In VS Code, run "MCP: List Servers" and start TuneBridge (or reload the window).',
  },
  windsurf: {
    id: 'windsurf',
    displayName: 'Windsurf',
    serversKey: 'mcpServers',
    shape: plain,
    restartHint: 'In Windsurf, press refresh in the MCP panel (or restart Windsurf).',
  },
};

/** The entry's fields in the shape the broker protocol uses, whatever the client's spelling. */
export function readEntry(value: unknown): McpServerEntry | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { command, args, env } = value as Record<string, unknown>;
  if (typeof command !== 'string') return undefined;
  return {
    command,
    args: Array.isArray(args) ? args.filter((arg): arg is string => typeof arg === 'string') : [],
    env:
      typeof env === 'object' && env !== null
        ? Object.fromEntries(
            Object.entries(env).filter(
              (pair): pair is [string, string] => typeof pair[1] === 'string',
            ),
          )
        : {},
  };
}
