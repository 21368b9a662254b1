import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import { describeBridge } from './bridge-manifest.js';
import { BrokerClientError } from './broker-client.js';
import type { HostSession } from './host-session.js';
import type { ToolDefinition } from './tools/define-tool.js';
import { ToolError } from './tools/tool-error.js';

/**
 * The MCP side of the bridge. Listing tools needs nothing from the host, so clients see the tools
 * at once; calling one goes through the host session, and every outcome becomes a tool result
 * (never a protocol error) that tells the person what to do.
 */
export function createBridgeServer(options: {
  version: string;
  tools: readonly ToolDefinition[];
  session: HostSession;
}): Server {
  const manifest = describeBridge(options.version, options.tools);
  const server = new Server(manifest.serverInfo, {
    capabilities: manifest.capabilities,
    instructions: manifest.instructions,
  });
  const byName = new Map(options.tools.map((tool) => [tool.name, tool]));

  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: manifest.tools }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = byName.get(request.params.name);
    if (!tool) return failure(`There is no tool called "${request.params.name}".`);
    return callTool(tool, request.params.arguments ?? {}, options.session);
  });
  return server;
}

async function callTool(
  tool: ToolDefinition,
  args: unknown,
  session: HostSession,
): Promise<CallToolResult> {
  const parsed = tool.input.safeParse(args);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || 'input'}: ${issue.message}`,
    );
    return failure(`The input for ${tool.name} is not valid — ${problems.join('; ')}.`);
  }
  const started = Date.now();
  try {
    const result = await tool.run(parsed.data, {
      api: (request) => session.callApi(tool.provider, tool.scopes, request),
    });
    session.recordTool({
      tool: tool.name,
      provider: tool.provider,
      summary: result.text.split('\n')[0]?.slice(0, 200) ?? '',
      outcome: 'ok',
      durationMs: Date.now() - started,
    });
    return { content: [{ type: 'text', text: result.text }], structuredContent: result.structured };
  } catch (error) {
    const message = messageFor(error);
    session.recordTool({
      tool: tool.name,
      provider: tool.provider,
      summary: message.slice(0, 200),
      outcome: refusal(error) ? 'refused' : 'error',
      durationMs: Date.now() - started,
    });
    return failure(message);
  }
}

function messageFor(error: unknown): string {
  if (error instanceof ToolError || error instanceof BrokerClientError) return error.message;
  return 'The tool failed unexpectedly inside TuneBridge. Try again; if it keeps happening, check TuneBridge’s Activity view.';
}

function refusal(error: unknown): boolean {
  return (
    error instanceof BrokerClientError &&
    [
      'scope_not_allowed',
      'client_paused',
      'client_revoked',
      'endpoint_not_allowed',
      'unauthorized',
    ].includes(error.code)
  );
}

function failure(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}
