/*
 * Assistant names a person can tell apart and type: each unique among the assistants still
 * connected, and taken from the MCP client when TuneBridge knows which one it is.
 */

import { UNNAMED_ASSISTANT } from '../../../protocol/assistant-name.js';

export { UNNAMED_ASSISTANT };

const MAX_NAME = 80;

/** `wanted`, or `wanted (2)`, `wanted (3)`… — the first no other active assistant has. */
export function uniqueName(wanted: string, taken: Iterable<string>): string {
  const base = wanted.trim().slice(0, MAX_NAME) || UNNAMED_ASSISTANT;
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base} (${n})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * What MCP clients call themselves in `initialize` (`clientInfo.name`), in the words their
 * users know. Anything else is used as it came, tidied.
 */
const KNOWN_CLIENTS: Record<string, string> = {
  'claude-ai': 'Claude Desktop',
  'claude-code': 'Claude Code',
  'cursor-vscode': 'Cursor',
  cursor: 'Cursor',
  'visual studio code': 'VS Code',
  'visual-studio-code': 'VS Code',
  windsurf: 'Windsurf',
  'windsurf-client': 'Windsurf',
  'gemini-cli-mcp-client': 'Gemini CLI',
  'gemini-cli': 'Gemini CLI',
  'codex-mcp-client': 'Codex CLI',
  codex: 'Codex CLI',
  zed: 'Zed',
  'lm studio': 'LM Studio',
  lmstudio: 'LM Studio',
  'mcp-inspector': 'MCP Inspector',
};

/** The bridge's own name, sent when it could not learn its MCP client's. */
const BRIDGE_NAME = 'tunebridge-bridge';

/** A display name for an MCP client's `clientInfo.name`, or undefined when it tells nothing. */
export function nameForMcpClient(clientName: string): string | undefined {
  // Printable characters only: the name ends up in the window, the CLI and the audit log.
  const tidy = clientName
    .replace(/[^\p{L}\p{N} ._()+-]/gu, '')
    .trim()
    .slice(0, MAX_NAME);
  if (!tidy || tidy === BRIDGE_NAME) return undefined;
  return KNOWN_CLIENTS[tidy.toLowerCase()] ?? tidy;
}
