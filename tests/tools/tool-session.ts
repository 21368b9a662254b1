import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { DEFAULT_CLIENT_POLICY, type PermissionGroup } from '../../protocol/policy.js';
import type {
  AccountState,
  PersonKey,
  RecordedRequest,
  SandboxOptions,
} from '../../sandbox/index.js';
import { spotifyId, type SpotifyKind } from '../../sandbox/spotify/ids.js';
import { loadSpecValidator } from '../helpers/openapi-validator.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

const spec = loadSpecValidator('spotify');

/** What a test reads from a tool call: the text, the structured result and whether it failed. */
export interface ToolAnswer<S = Record<string, unknown>> {
  isError: boolean;
  text: string;
  structured: S;
  raw: CallToolResult;
}

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
    const issued = await env.issueClient('Tool tests');
    const clientId = issued.client.clientId;
    const allow = (...groups: PermissionGroup[]) => {
      env.host.clients.setPolicy(clientId, {
        ...DEFAULT_CLIENT_POLICY,
        groups: [...new Set<PermissionGroup>(['read', ...groups])],
      });
    };
    allow(...(options.groups ?? []));
    const transport = new StdioClientTransport({
      command: issued.entry.command,
      args: issued.entry.args,
      env: issued.entry.env,
      cwd: '/',
      stderr: 'pipe',
    });
    const client = new Client({ name: 'tool-tests', version: '1.0.0' });
    await client.connect(transport);
    // Listing lets the SDK check every structured result against the tool's output schema.
    await client.listTools();
    const firstApiRequest = env.sandbox.spotify.requests.length;
    return {
      env,
      client,
      clientId,
      async call<S>(name: string, args: Record<string, unknown> = {}) {
        const raw = (await client.callTool({ name, arguments: args })) as CallToolResult;
        const text = raw.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
        return {
          isError: raw.isError === true,
          text,
          structured: (raw.structuredContent ?? {}) as S,
          raw,
        };
      },
      allow,
      state: () => env.sandbox.spotify.state(person),
      mark: () => env.sandbox.spotify.requests.length,
      requestsSince: (mark) => env.sandbox.spotify.requests.slice(mark),
      specProblems() {
        return env.sandbox.spotify.requests
          .slice(firstApiRequest)
          .filter((request) => request.path.startsWith('/v1/'))
          .flatMap((request) =>
            spec.validateRequest({
              method: request.method,
              path: request.path,
              query: request.query,
              body: request.body,
            }),
          );
      },
      uri: (kind, key) => `spotify:${kind}:${spotifyId(kind, key)}`,
      async close() {
        await client.close();
        await env.stop();
      },
    };
  } catch (error) {
    await env.stop();
    throw error;
  }
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
