import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startLogin } from '../electron/core/auth/login-flow.js';
import { secureFetch } from '../electron/core/http/secure-fetch.js';
import { spotifyProvider } from '../electron/core/providers/spotify/spotify-provider.js';
import { DEFAULT_CLIENT_POLICY } from '../protocol/policy.js';
import type { RecordedRequest } from '../sandbox/index.js';
import { startTestHost } from '../tests/helpers/test-host.js';
import { summarize, type Summary } from './stats.js';

const WARMUP = 20;
const SAMPLES = 200;

export interface ToolOverhead {
  tool: string;
  /** Provider requests one call of the tool makes. */
  requests: number;
  direct: Summary;
  tool_call: Summary;
  /** tool_call minus direct, at each percentile. */
  overheadP50: number;
  overheadP99: number;
}

/**
 * What the bridge and broker add to a read tool: an MCP `tools/call` over stdio to the built
 * bridge (input and output validation, capability, `api.call` through the host, audit) against
 * the very requests that call sent to the sandbox, replayed straight with a bearer token (the
 * trick of broker-overhead.ts). Interleaved, so both see the same machine load.
 */
export async function measureToolOverhead(): Promise<ToolOverhead[]> {
  const env = await startTestHost();
  let client: Client | undefined;
  try {
    await env.login('spotify');
    const issued = await env.issueClient('bench');
    env.host.clients.setPolicy(issued.client.clientId, { ...DEFAULT_CLIENT_POLICY });
    client = new Client({ name: 'bench', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: issued.entry.command,
        args: issued.entry.args,
        env: issued.entry.env,
        stderr: 'ignore',
      }),
    );
    await client.listTools();
    const mcp = client;

    const spotify = env.sandbox.spotify;
    const oauth = spotifyProvider({
      clientId: spotify.clientId,
      authorizeUrl: spotify.authorizeUrl,
      tokenUrl: spotify.tokenUrl,
      apiBaseUrl: spotify.apiBaseUrl,
      redirectPort: 0,
    }).oauth;
    const flow = await startLogin(oauth, secureFetch);
    await spotify.approve(flow.authorizationUrl);
    const { accessToken } = await flow.done;

    const callTool = async (name: string, args: Record<string, unknown>) => {
      const result = (await mcp.callTool({ name, arguments: args })) as CallToolResult;
      if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
      return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
    };
    const found = await callTool('spotify_search', { query: spotify.sampleQuery, limit: 5 });
    const lists = await callTool('spotify_list_my_playlists', { limit: 1 });
    const trackUri = /spotify:track:[0-9A-Za-z]{22}/.exec(found)?.[0];
    const playlistUri = /spotify:playlist:[0-9A-Za-z]{22}/.exec(lists)?.[0];
    if (!trackUri || !playlistUri) throw new Error('The sandbox gave no track or playlist.');

    const tools: Array<[string, Record<string, unknown>]> = [
      ['spotify_search', { query: spotify.sampleQuery, limit: 5 }],
      ['spotify_get_playback', {}],
      ['spotify_get_playlist', { playlist_id: playlistUri, limit: 50 }],
      ['spotify_get_saved_tracks', { limit: 20 }],
      ['spotify_get_track', { track_id: trackUri }],
    ];

    const results: ToolOverhead[] = [];
    for (const [name, args] of tools) {
      // The requests one call sends, to replay directly.
      const mark = spotify.requests.length;
      await callTool(name, args);
      const sent = spotify.requests.slice(mark);
      const direct = async () => {
        for (const request of sent) await replay(spotify.apiBaseUrl, accessToken, request);
      };
      const viaTool = async () => {
        await callTool(name, args);
      };
      const directSamples: number[] = [];
      const toolSamples: number[] = [];
      for (let run = 0; run < WARMUP + SAMPLES; run += 1) {
        const directMs = await time(direct);
        const toolMs = await time(viaTool);
        if (run < WARMUP) continue;
        directSamples.push(directMs);
        toolSamples.push(toolMs);
      }
      const directSummary = summarize(directSamples);
      const toolSummary = summarize(toolSamples);
      results.push({
        tool: name,
        requests: sent.length,
        direct: directSummary,
        tool_call: toolSummary,
        overheadP50: toolSummary.p50 - directSummary.p50,
        overheadP99: toolSummary.p99 - directSummary.p99,
      });
    }
    return results;
  } finally {
    await client?.close();
    await env.stop();
  }
}

async function replay(base: string, accessToken: string, request: RecordedRequest): Promise<void> {
  const url = new URL(request.path, base);
  for (const [key, value] of Object.entries(request.query)) url.searchParams.set(key, value);
  const response = await secureFetch(url.toString(), {
    method: request.method,
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
  });
  await response.text();
}

async function time(action: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - started) / 1e6;
}
