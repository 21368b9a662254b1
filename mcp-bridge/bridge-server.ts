import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { describeBridge } from './bridge-manifest.js';
import { scopesAllowedBy } from '../protocol/policy.js';
import type { BridgeView, HostSession } from './host-session.js';
import type { ToolDefinition } from './tools/define-tool.js';
import { chatApprovals } from './approval-elicitation.js';
import { serveRecentReceipts } from './resources/recent-receipts.js';
import { callTool, failure } from './invoke-tool.js';

/**
 * The MCP side of the bridge. Listing tools needs nothing from the host, so clients see the tools
 * at once; once the host answers, the list follows the assistant's policy and the connected
 * providers, and clients get `notifications/tools/list_changed`. Calling a tool goes through the
 * host session, and every outcome becomes a tool result (never a protocol error) that tells the
 * person what to do.
 */
export function createBridgeServer(options: {
  version: string;
  tools: readonly ToolDefinition[];
  session: HostSession;
}): { server: Server; followPolicy: () => void } {
  const manifest = describeBridge(options.version, options.tools);
  const server = new Server(manifest.serverInfo, {
    capabilities: manifest.capabilities,
    instructions: manifest.instructions,
  });
  const byName = new Map(options.tools.map((tool) => [tool.name, tool]));
  options.session.chat = chatApprovals(server);
  serveRecentReceipts(server, options.session.receipts);
  // The start-up manifest listed every tool; until the host says otherwise, so does the SDK.
  let visible = new Set(options.tools.map((tool) => tool.name));

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: manifest.tools.filter((tool) => visible.has(tool.name)),
  }));
  /** Call once connected: the list follows the policy, and clients hear when it changes. */
  const followPolicy = () =>
    options.session.follow((view) => {
      const next = new Set(visibleTools(options.tools, view).map((tool) => tool.name));
      if (sameSet(next, visible)) return;
      visible = next;
      server.sendToolListChanged().catch(() => undefined);
    });
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = byName.get(request.params.name);
    if (!tool) return failure(`There is no tool called "${request.params.name}".`);
    return callTool(tool, request.params.arguments ?? {}, options.session);
  });
  return { server, followPolicy };
}

/**
 * The tools an assistant may use now: its provider is connected and switched on for it, it is
 * not paused, and every scope the tool needs is covered by a permission group it has.
 */
export function visibleTools(tools: readonly ToolDefinition[], view: BridgeView): ToolDefinition[] {
  if (view.policy.paused) return [];
  const connected = new Set(
    view.providers.filter((account) => account.status === 'connected').map((a) => a.provider),
  );
  return tools.filter((tool) => {
    if (!connected.has(tool.provider) || !view.policy.providers.includes(tool.provider)) {
      return false;
    }
    const allowed = scopesAllowedBy(tool.provider, view.policy.groups);
    return tool.scopes.every((scope) => allowed.has(scope)) && (tool.visibleWhen?.(view) ?? true);
  });
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}
