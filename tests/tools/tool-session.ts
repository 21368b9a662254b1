import { DEFAULT_ASSISTANT_POLICY, type PermissionGroup } from '../../protocol/policy.js';
import type {
  AccountState,
  PersonKey,
  RecordedRequest,
  SandboxOptions,
} from '../../sandbox/index.js';
import { spotifyId, type SpotifyKind } from '../../sandbox/spotify/ids.js';
import { inMemoryBridge } from '../helpers/in-memory-bridge.js';
import { connectMcpClient, type McpClient, type ToolAnswer } from '../helpers/mcp-client.js';
import { loadSpecValidator, requestProblems } from '../helpers/openapi-validator.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

const spec = loadSpecValidator('spotify');

export type { ToolAnswer };

/**
 * How a test reaches the tools: `memory` runs the bridge's tool path in the test process against
 * the in-process host (most tests); `stdio` starts the built bridge as an assistant app would
 * (one end-to-end test per provider).
 */
export type BridgeVia = 'memory' | 'stdio';

export interface ToolSession {
  env: TestHost;
  assistantId: string;
  /** The MCP client, when the session runs the built bridge over stdio. */
  client?: McpClient['client'];
  /** Calls a tool through the bridge (see `BridgeVia`). */
  call<S = Record<string, unknown>>(
    name: string,
    args?: Record<string, unknown>,
  ): Promise<ToolAnswer<S>>;
  /** Switches the assistant's permission groups (read is always kept). */
  allow(...groups: PermissionGroup[]): void;
  state(): AccountState;
  /** A mark to pass to `requestsSince`. */
  mark(): number;
  requestsSince(mark: number): RecordedRequest[];
  /** Every API request the sandbox received, checked against the vendored spec. */
  specProblems(): string[];
  /** The Spotify URI of a sandbox catalog or playlist key. */
  uri(kind: SpotifyKind, key: string): string;
  close(): Promise<void>;
}

/**
 * A host and sandbox in-process, Spotify logged in as `person`, and an assistant reaching the
 * tools `via` the in-memory bridge (default) or the built bridge (`dist/cli.js bridge`) over
 * stdio, as an assistant app would. One per test file.
 */
export async function startToolSession(
  options: {
    person?: PersonKey;
    groups?: PermissionGroup[];
    sandbox?: SandboxOptions;
    via?: BridgeVia;
    /** The host proxy's retry budget (8 s in production). */
    retryBudgetMs?: number;
  } = {},
): Promise<ToolSession> {
  const person = options.person ?? 'listener';
  const env = await startTestHost({
    sandbox: options.sandbox,
    retryBudgetMs: options.retryBudgetMs,
  });
  try {
    await loginAs(env, person);
    const assistant = await connectAssistant(env, 'Tool tests', {
      assistantName: 'tool-tests',
      groups: options.groups ?? [],
      via: options.via,
    });
    const firstApiRequest = env.sandbox.spotify.requests.length;
    return {
      env,
      assistantId: assistant.assistantId,
      client: assistant.client,
      call: (name, args) => assistant.call(name, args),
      allow: assistant.allow,
      state: () => env.sandbox.spotify.state(person),
      mark: () => env.sandbox.spotify.requests.length,
      requestsSince: (mark) => env.sandbox.spotify.requests.slice(mark),
      specProblems: () =>
        requestProblems(spec, env.sandbox.spotify.requests.slice(firstApiRequest), '/v1/'),
      uri: (kind, key) => `spotify:${kind}:${spotifyId(kind, key)}`,
      async close() {
        await assistant.close();
        await env.stop();
      },
    };
  } catch (error) {
    await env.stop();
    throw error;
  }
}

export interface Assistant {
  assistantId: string;
  /** The MCP client, over stdio only. */
  client?: McpClient['client'];
  /** Switches the assistant's permission groups (read is always kept). */
  allow(...groups: PermissionGroup[]): void;
  call<S = Record<string, unknown>>(
    name: string,
    args?: Record<string, unknown>,
  ): Promise<ToolAnswer<S>>;
  close(): Promise<void>;
}

/**
 * Issues an assistant named `label`, gives it `groups` (when given) before it connects, and
 * connects a bridge as it: in memory, or the built bridge over stdio as `assistantName`.
 */
export async function connectAssistant(
  env: TestHost,
  label: string,
  options: { assistantName: string; groups?: PermissionGroup[]; via?: BridgeVia },
): Promise<Assistant> {
  const issued = await env.issueAssistant(label);
  const assistantId = issued.assistant.assistantId;
  const allow = (...groups: PermissionGroup[]) => {
    env.host.assistants.setPolicy(assistantId, {
      ...DEFAULT_ASSISTANT_POLICY,
      groups: [...new Set<PermissionGroup>(['read', ...groups])],
    });
  };
  if (options.groups) allow(...options.groups);
  if (options.via === 'stdio') {
    const mcp = await connectMcpClient(issued.entry, { name: options.assistantName });
    // Listing lets the SDK check every structured result against the tool's output schema.
    await mcp.client.listTools();
    return {
      assistantId,
      client: mcp.client,
      allow,
      call: (name, args) => mcp.callTool(name, args),
      close: mcp.close,
    };
  }
  const bridge = inMemoryBridge({
    socketPath: env.paths.brokerSocket,
    assistantKey: issued.assistantKey,
  });
  return {
    assistantId,
    allow,
    call: (name, args) => bridge.call(name, args),
    close: () => Promise.resolve(bridge.close()),
  };
}

/** As `TestHost.login`, choosing which sandbox person clicks Approve. */
async function loginAs(env: TestHost, person: PersonKey): Promise<void> {
  const control = await env.control();
  let approval: Promise<string> | undefined;
  const answer = await control.request({ type: 'login.start', provider: 'spotify' }, (progress) => {
    if (progress.type === 'login.pending') {
      approval = env.sandbox.spotify.approve(progress.authorizationUrl, person);
    }
  });
  await approval;
  if (answer.type !== 'login.complete') throw new Error(`login answered ${answer.type}`);
  control.close();
}
