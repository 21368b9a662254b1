import { secureFetch } from '../electron/host/http/secure-fetch.js';
import { DEFAULT_ASSISTANT_POLICY } from '../protocol/policy.js';
import type { RecordedRequest } from '../sandbox/index.js';
import { connectMcpClient, type McpClient } from '../tests/helpers/mcp-client.js';
import { startTestHost } from '../tests/helpers/test-host.js';
import { directAccessToken, time } from './direct-token.js';
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
  let mcp: McpClient | undefined;
  try {
    await env.login('spotify');
    const issued = await env.issueAssistant('bench');
    env.host.assistants.setPolicy(issued.assistant.assistantId, { ...DEFAULT_ASSISTANT_POLICY });
    mcp = await connectMcpClient(issued.entry, { name: 'bench', stderr: 'ignore' });
    await mcp.client.listTools();
    const bridge = mcp;

    const spotify = env.sandbox.spotify;
    const accessToken = await directAccessToken(spotify);

    const callTool = async (name: string, args: Record<string, unknown>) => {
      const answer = await bridge.callTool(name, args);
      if (answer.isError) throw new Error(`${name} failed: ${JSON.stringify(answer.raw.content)}`);
      return answer.text;
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
    await mcp?.close();
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
