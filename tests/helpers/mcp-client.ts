import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** What an assistant's config says to start: an McpServerEntry, or an MCP bundle's mcp_config. */
export interface LaunchEntry {
  command: string;
  args?: string[];
  env?: Record<string, string>;
}

/** What a test reads from a tool call: the text, the structured result and whether it failed. */
export interface ToolAnswer<S = Record<string, unknown>> {
  isError: boolean;
  text: string;
  structured: S;
  raw: CallToolResult;
}

export interface McpClient {
  client: Client;
  transport: StdioClientTransport;
  callTool<S = Record<string, unknown>>(
    name: string,
    args?: Record<string, unknown>,
  ): Promise<ToolAnswer<S>>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** The client name the bridge sees (and audits). */
  name?: string;
  /** `pipe` keeps the bridge's stderr readable through `transport.stderr`. */
  stderr?: 'pipe' | 'ignore';
}

/**
 * Starts what `entry` says, from `/` as an assistant app would, and connects an MCP client to it
 * over stdio.
 */
export async function connectMcpClient(
  entry: LaunchEntry,
  { name = 'test-client', stderr = 'pipe' }: ConnectOptions = {},
): Promise<McpClient> {
  const transport = new StdioClientTransport({
    command: entry.command,
    args: entry.args,
    env: entry.env,
    cwd: '/',
    stderr,
  });
  const client = new Client({ name, version: '1.0.0' });
  await client.connect(transport);
  return {
    client,
    transport,
    callTool: (tool, args) => callTool(client, tool, args),
    close: () => client.close(),
  };
}

/** Connects as `connectMcpClient` does, runs `work`, and closes the client whatever happens. */
export async function withMcpClient<T>(
  entry: LaunchEntry,
  options: ConnectOptions,
  work: (mcp: McpClient) => Promise<T>,
): Promise<T> {
  const mcp = await connectMcpClient(entry, options);
  try {
    return await work(mcp);
  } finally {
    await mcp.close();
  }
}

export async function callTool<S = Record<string, unknown>>(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<ToolAnswer<S>> {
  const raw = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = raw.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
  return {
    isError: raw.isError === true,
    text,
    structured: (raw.structuredContent ?? {}) as S,
    raw,
  };
}
