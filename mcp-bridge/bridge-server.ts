import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import { describeBridge, toolAccess } from './bridge-manifest.js';
import { BrokerClientError } from '../broker-client/broker-client.js';
import type { AccessView } from '../protocol/data-folder.js';
import type { visibleNames } from './tool-visibility.js';
import type { HostSession } from './host-session.js';
import { listExtras } from './listed-extras.js';
import type { PromptDefinition } from './prompts/define-prompt.js';
import { ResourceWatch } from './resource-watch.js';
import type { ResourceDefinition } from './resources/define-resource.js';
import { bridgeContextFor, toolContextFor } from './tool-context.js';
import type { ToolDefinition } from './tools/define-tool.js';
import { ToolError } from './tools/tool-error.js';

/**
 * The MCP side of the bridge. Until the host answers, it lists what the host last published for
 * this assistant (the fast start listed the same); once the host answers, tools, resources and
 * prompts follow the assistant's policy and the connected providers, and clients get the
 * list_changed notifications. Calling a tool goes through the host session, and every outcome
 * becomes a tool result (never a protocol error) that tells the person what to do.
 */
export function createBridgeServer(options: {
  version: string;
  tools: readonly ToolDefinition[];
  session: HostSession;
  /** The host's last published view for this key (undefined: read-only tools only). */
  initialView?: AccessView;
  /** The filter the fast start listed with, handed over so both use the one function. */
  visibleNames: typeof visibleNames;
  resources?: readonly ResourceDefinition[];
  prompts?: readonly PromptDefinition[];
  /** How often a subscribed resource is checked; shorter only in tests. */
  watchIntervalMs?: number;
}): { server: McpServer; followPolicy: () => void } {
  const manifest = describeBridge(options.version, options.tools);
  const mcp = new McpServer(manifest.serverInfo, {
    capabilities: manifest.capabilities,
    instructions: manifest.instructions,
  });
  const server = mcp.server;
  const byName = new Map(options.tools.map((tool) => [tool.name, tool]));
  const context = bridgeContextFor(options.session);
  const resources = options.resources ?? [];
  const extras = listExtras(mcp, context, [...resources, ...(options.prompts ?? [])]);
  const watch = new ResourceWatch(
    server,
    context,
    resources,
    extras.isShown,
    options.watchIntervalMs,
  );
  const visibleFor = (view: AccessView | undefined) =>
    new Set(options.visibleNames(options.tools.map(toolAccess), view));
  let visible = visibleFor(options.initialView);
  extras.show(visible);

  // The SDK's own tool handlers expect zod shapes; ours answer from the manifest instead.
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: manifest.tools.filter((tool) => visible.has(tool.name)),
  }));
  server.setRequestHandler(SubscribeRequestSchema, async (request) => {
    await watch.subscribe(request.params.uri);
    return {};
  });
  server.setRequestHandler(UnsubscribeRequestSchema, (request) => {
    watch.unsubscribe(request.params.uri);
    return {};
  });
  /** Call once connected: the lists follow the policy, and clients hear when they change. */
  const followPolicy = () =>
    options.session.follow((view) => {
      const next = visibleFor(view);
      if (sameSet(next, visible)) return;
      visible = next;
      extras.show(visible);
      watch.prune();
      server.sendToolListChanged().catch(() => undefined);
    });
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = byName.get(request.params.name);
    if (!tool) return failure(`There is no tool called "${request.params.name}".`);
    const result = await callTool(tool, request.params.arguments ?? {}, options.session);
    // A tool that changes playback makes "now playing" worth checking at once.
    if (tool.kind !== 'read') watch.checkNow();
    return result;
  });
  server.onclose = () => {
    watch.close();
    options.session.close();
  };
  return { server: mcp, followPolicy };
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
  try {
    const result = await tool.run(parsed.data, toolContextFor(tool, session));
    // tools/list leaves output schemas out to stay small; the bridge still keeps its promise.
    if (!tool.output.safeParse(result.structured).success) {
      throw new ToolError(
        'malformed_result',
        `${tool.name} got an answer TuneBridge could not read. Try again; if it keeps happening, run the doctor tool.`,
      );
    }
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
      'approval_denied',
    ].includes(error.code)
  );
}

function failure(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}
