import type { McpClientId, McpServerEntry } from '../../../protocol/broker.js';
import { jsonFormat, tomlFormat, type ConfigFormat } from './config-format.js';

/** The name of our one entry in every client's config. */
export const ENTRY_NAME = 'tunebridge';

export interface McpClientSpec {
  id: McpClientId;
  displayName: string;
  /**
   * The file's language and the top-level object that maps server names to entries. `jsonc` where
   * the client itself accepts comments and trailing commas, plain `json` where it would choke.
   */
  format: ConfigFormat;
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

const mcpServers = jsonFormat('mcpServers', 'json');

export const MCP_CLIENTS: Record<McpClientId, McpClientSpec> = {
  'claude-desktop': {
    id: 'claude-desktop',
    displayName: 'Claude Desktop',
    format: mcpServers,
    shape: plain,
    restartHint:
      'Quit Claude Desktop completely (also from the tray or menu bar) and open it again.',
  },
  'claude-code': {
    id: 'claude-code',
    displayName: 'Claude Code',
    format: mcpServers,
    shape: typed,
    restartHint: 'Start a new Claude Code session; `/mcp` lists TuneBridge.',
  },
  cursor: {
    id: 'cursor',
    displayName: 'Cursor',
    // Cursor reads mcp.json with VS Code's JSONC parser.
    format: jsonFormat('mcpServers', 'jsonc'),
    shape: plain,
    restartHint: 'Cursor picks the change up by itself; check Settings → MCP if TuneBridge is off.',
  },
  vscode: {
    id: 'vscode',
    displayName: 'VS Code',
    format: jsonFormat('servers', 'jsonc'),
    shape: typed,
    restartHint: 'In VS Code, run "MCP: List Servers" and start TuneBridge (or reload the window).',
  },
  windsurf: {
    id: 'windsurf',
    displayName: 'Windsurf',
    format: mcpServers,
    shape: plain,
    restartHint: 'In Windsurf, press refresh in the MCP panel (or restart Windsurf).',
  },
  'gemini-cli': {
    id: 'gemini-cli',
    displayName: 'Gemini CLI',
    // Gemini CLI strips comments from settings.json before parsing it.
    format: jsonFormat('mcpServers', 'jsonc'),
    shape: plain,
    restartHint: 'Start a new Gemini CLI session; `/mcp` lists TuneBridge.',
  },
  'codex-cli': {
    id: 'codex-cli',
    displayName: 'Codex CLI',
    format: tomlFormat('mcp_servers'),
    shape: plain,
    restartHint: 'Start a new Codex session; `/mcp` lists TuneBridge.',
  },
  zed: {
    id: 'zed',
    displayName: 'Zed',
    format: jsonFormat('context_servers', 'jsonc'),
    shape: plain,
    restartHint: 'Zed picks the change up by itself; the Agent Panel settings list TuneBridge.',
  },
  'lm-studio': {
    id: 'lm-studio',
    displayName: 'LM Studio',
    format: mcpServers,
    shape: plain,
    restartHint: 'In LM Studio, open the Program tab (or restart LM Studio) to load TuneBridge.',
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
