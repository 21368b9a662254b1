import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { DEFAULT_CLIENT_POLICY, type PermissionGroup } from '../../protocol/policy.js';
import type {
  AccountState,
  PersonKey,
  RecordedRequest,
  SandboxOptions,
} from '../../sandbox/index.js';
import { spotifyId, type SpotifyKind } from '../../sandbox/spotify/ids.js';
import { connectMcpClient, type McpClient, type ToolAnswer } from '../helpers/mcp-client.js';
import { loadSpecValidator, requestProblems } from '../helpers/openapi-validator.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

const spec = loadSpecValidator('spotify');

export type { ToolAnswer };

export interface ToolSession {
  env: TestHost;
  client: Client;
  clientId: string;
  /** Calls a tool through the real stdio bridge. */
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
 * A host and sandbox in-process, Spotify logged in as `person`, and an MCP client talking to
 * the built bridge (`dist/cli.js bridge`) over stdio, as an assistant would. One per test file.
 */
export async function startToolSession(
  options: { person?: PersonKey; groups?: PermissionGroup[]; sandbox?: SandboxOptions } = {},
): Promise<ToolSession> {
  const person = options.person ?? 'listener';
  const env = await startTestHost({ sandbox: options.sandbox });
  try {
    await loginAs(env, person);
    const { mcp, clientId, allow } = await connectAssistant(env, 'Tool tests', {
      clientName: 'tool-tests',
      groups: options.groups ?? [],
    });
    const firstApiRequest = env.sandbox.spotify.requests.length;
    return {
      env,
      client: mcp.client,
      clientId,
      call: (name, args) => mcp.callTool(name, args),
      allow,
      state: () => env.sandbox.spotify.state(person),
      mark: () => env.sandbox.spotify.requests.length,
      requestsSince: (mark) => env.sandbox.spotify.requests.slice(mark),
      specProblems: () =>
        requestProblems(spec, env.sandbox.spotify.requests.slice(firstApiRequest), '/v1/'),
      uri: (kind, key) => `spotify:${kind}:${spotifyId(kind, key)}`,
      async close() {
        await mcp.close();
        await env.stop();
      },
    };
  } catch (error) {
    await env.stop();
    throw error;
  }
}

export interface Assistant {
  mcp: McpClient;
  clientId: string;
  /** Switches the assistant's permission groups (read is always kept). */
  allow(...groups: PermissionGroup[]): void;
}

/**
 * Issues an assistant named `label`, gives it `groups` (when given) before it connects, and
 * connects the built bridge as it, as `clientName`.
 */
export async function connectAssistant(
  env: TestHost,
  label: string,
  options: { clientName: string; groups?: PermissionGroup[] },
): Promise<Assistant> {
  const issued = await env.issueClient(label);
  const clientId = issued.client.clientId;
  const allow = (...groups: PermissionGroup[]) => {
    env.host.clients.setPolicy(clientId, {
      ...DEFAULT_CLIENT_POLICY,
      groups: [...new Set<PermissionGroup>(['read', ...groups])],
    });
  };
  if (options.groups) allow(...options.groups);
  const mcp = await connectMcpClient(issued.entry, { name: options.clientName });
  // The bridge checks every structured result against the tool's output schema itself.
  await mcp.client.listTools();
  return { mcp, clientId, allow };
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
