import type { PermissionGroup } from '../../protocol/policy.js';
import { tidalControls, type TidalControls } from '../../sandbox/index.js';
import type { McpClient, ToolAnswer } from '../helpers/mcp-client.js';
import { loadSpecValidator, requestProblems } from '../helpers/openapi-validator.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';
import { connectAssistant, type BridgeVia } from './tool-session.js';

export interface TidalSession {
  env: TestHost;
  tidal: TidalControls;
  call<S = Record<string, unknown>>(
    name: string,
    args?: Record<string, unknown>,
  ): Promise<ToolAnswer<S>>;
  allow(...groups: PermissionGroup[]): void;
  /** The MCP client, when the session runs the built bridge over stdio. */
  client?: McpClient['client'];
  /** The assistant's client id, for policy changes and audit queries. */
  assistantId: string;
  /** TIDAL and Spotify API requests the sandbox received that the vendored specs don't describe. */
  specProblems(): string[];
  close(): Promise<void>;
}

/**
 * Host + sandbox in-process, Spotify and TIDAL logged in, and the tools reached `via` the
 * in-memory bridge (default) or the built bridge over stdio.
 */
export async function startTidalSession(
  options: Parameters<typeof startTestHost>[0] & { via?: BridgeVia } = {},
): Promise<TidalSession> {
  const { via, ...hostOptions } = options;
  const env = await startTestHost(hostOptions);
  try {
    await env.login('spotify');
    await env.login('tidal');
    const assistant = await connectAssistant(env, 'TIDAL tests', {
      assistantName: 'tidal-tests',
      via,
    });
    const specs = { tidal: loadSpecValidator('tidal'), spotify: loadSpecValidator('spotify') };
    return {
      env,
      tidal: tidalControls(env.sandbox.tidal),
      call: (name, args) => assistant.call(name, args),
      allow: assistant.allow,
      ...(assistant.client ? { client: assistant.client } : {}),
      assistantId: assistant.assistantId,
      specProblems: () => [
        ...requestProblems(specs.tidal, env.sandbox.tidal.requests, '/v2/'),
        ...requestProblems(specs.spotify, env.sandbox.spotify.requests, '/v1/'),
      ],
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
