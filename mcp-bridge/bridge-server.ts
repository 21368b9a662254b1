import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import { describeBridge } from './bridge-manifest.js';
import { BrokerClientError } from '../broker-client/broker-client.js';
import { scopesAllowedBy } from '../protocol/policy.js';
import type { BridgeView, HostSession } from './host-session.js';
import type { ToolDefinition } from './tools/define-tool.js';
import { ToolError } from './tools/tool-error.js';
import { chatApprovals } from './approval-elicitation.js';
import { ReceiptCollector } from './tool-receipts.js';
import { serveRecentReceipts } from './resources/recent-receipts.js';

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
  const receipts = new ReceiptCollector();
  try {
    const result = await tool.run(parsed.data, {
      api: (request) => session.callApi(tool.provider, tool.scopes, request).then(receipts.note),
      receipts: session.receipts,
      doctor: (provider) => session.doctor(provider),
      openLink: (provider, kind, itemId) => session.openLink(provider, kind, itemId),
      apiFor: (provider, scopes, request) => {
        const declared = provider === tool.provider ? tool.scopes : tool.otherProviders?.[provider];
        if (!declared || !scopes.every((scope) => declared.includes(scope))) {
          throw new ToolError(
            'undeclared_scope',
            `${tool.name} did not declare ${provider} access.`,
          );
        }
        return session.callApi(provider, scopes, request).then(receipts.note);
      },
    });
    session.recordTool({
      tool: tool.name,
      provider: tool.provider,
      summary: result.text.split('\n')[0]?.slice(0, 200) ?? '',
      outcome: 'ok',
      durationMs: Date.now() - started,
    });
    return receipts.attach({
      content: [
        { type: 'text', text: result.text },
        ...(result.resources ?? []).map((resource) => ({ type: 'resource' as const, resource })),
      ],
      structuredContent: result.structured,
    });
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
      'approval_denied',
      'undo_refused',
    ].includes(error.code)
  );
}

function failure(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}
