import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { describeBridge, toolAccess } from './bridge-manifest.js';
import type { AccessView } from '../protocol/data-folder.js';
import type { visibleNames } from './tool-visibility.js';
import type { HostSession } from './host-session.js';
import { listExtras } from './listed-extras.js';
import type { PromptDefinition } from './prompts/define-prompt.js';
import { ResourceWatch } from './resource-watch.js';
import type { ResourceDefinition } from './resources/define-resource.js';
import { bridgeContextFor } from './tool-context.js';
import type { ToolDefinition } from './tools/define-tool.js';
import { chatApprovals } from './approval-elicitation.js';
import { callTool, failure } from './invoke-tool.js';
import type { ProgressUpdate } from './tool-progress.js';

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
  options.session.chat = chatApprovals(server);
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
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = byName.get(request.params.name);
    if (!tool) return failure(`There is no tool called "${request.params.name}".`);
    const progressToken = request.params._meta?.progressToken;
    const notifyProgress =
      progressToken === undefined
        ? undefined
        : (update: ProgressUpdate) =>
            void extra
              .sendNotification({
                method: 'notifications/progress',
                params: { progressToken, ...update },
              })
              .catch(() => undefined);
    const result = await callTool(
      tool,
      request.params.arguments ?? {},
      options.session,
      notifyProgress,
    );
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
