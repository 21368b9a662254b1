import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { DEFAULT_CLIENT_POLICY, type PermissionGroup } from '../../protocol/policy.js';
import { tidalControls, type TidalControls } from '../../sandbox/index.js';
import { loadSpecValidator } from '../helpers/openapi-validator.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

export interface Answer<S> {
  isError: boolean;
  text: string;
  structured: S;
}

export interface TidalSession {
  env: TestHost;
  tidal: TidalControls;
  call<S = Record<string, unknown>>(
    name: string,
    args?: Record<string, unknown>,
  ): Promise<Answer<S>>;
  allow(...groups: PermissionGroup[]): void;
  /** The assistant's client id, for policy changes and audit queries. */
  clientId: string;
  /** TIDAL and Spotify API requests the sandbox received that the vendored specs don't describe. */
  specProblems(): string[];
  close(): Promise<void>;
}

/** Host + sandbox in-process, Spotify and TIDAL logged in, the built bridge over stdio. */
export async function startTidalSession(
  options: Parameters<typeof startTestHost>[0] = {},
): Promise<TidalSession> {
  const env = await startTestHost(options);
  try {
    await env.login('spotify');
    await env.login('tidal');
    const issued = await env.issueClient('TIDAL tests');
    const clientId = issued.client.clientId;
    const allow = (...groups: PermissionGroup[]) =>
      env.host.clients.setPolicy(clientId, {
        ...DEFAULT_CLIENT_POLICY,
        groups: [...new Set<PermissionGroup>(['read', ...groups])],
      });
    const transport = new StdioClientTransport({
      command: issued.entry.command,
      args: issued.entry.args,
      env: issued.entry.env,
      cwd: '/',
      stderr: 'pipe',
    });
    const client = new Client({ name: 'tidal-tests', version: '1.0.0' });
    await client.connect(transport);
    await client.listTools();
    const specs = { tidal: loadSpecValidator('tidal'), spotify: loadSpecValidator('spotify') };
    return {
      env,
      tidal: tidalControls(env.sandbox.tidal),
      async call<S>(name: string, args: Record<string, unknown> = {}) {
        const raw = (await client.callTool({ name, arguments: args })) as CallToolResult;
        const text = raw.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
        return {
          isError: raw.isError === true,
          text,
          structured: (raw.structuredContent ?? {}) as S,
        };
      },
      allow,
      clientId,
      specProblems() {
        const check = (provider: 'tidal' | 'spotify', prefix: string) =>
          env.sandbox[provider].requests
            .filter((r) => r.path.startsWith(prefix))
            .flatMap((r) =>
              specs[provider]
                .validateRequest({ method: r.method, path: r.path, query: r.query, body: r.body })
                .map((problem) => `${r.method} ${r.path}: ${problem}`),
            );
        return [...check('tidal', '/v2/'), ...check('spotify', '/v1/')];
      },
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
