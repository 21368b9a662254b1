import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { sample } from 'openapi-sampler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBridge } from '../../mcp-bridge/bridge-manifest.js';
import type { ApiRequest, ApiResponse } from '../../mcp-bridge/host-session.js';
import { TOOLS } from '../../mcp-bridge/tools/index.js';
import type { ProviderId } from '../../protocol/providers.js';
import { scriptedBridge, type ScriptedBridge } from './scripted-provider.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const SPECS: Record<ProviderId, Json> = {
  spotify: JSON.parse(readFileSync('specs/spotify-web-api.subset.json', 'utf8')) as Json,
  tidal: JSON.parse(readFileSync('specs/tidal-api.subset.json', 'utf8')) as Json,
};
const PREFIX: Record<ProviderId, string> = { spotify: '/v1', tidal: '/v2' };

/**
 * The answer the spec documents for a request: its 2xx response, sampled from the response
 * schema (the vendored specs carry schemas, not literal examples, so openapi-sampler builds
 * the example each schema describes: every property, one item per array, format-shaped strings).
 */
function specAnswer(provider: ProviderId, request: ApiRequest): ApiResponse {
  const spec = SPECS[provider];
  const relative = request.path.slice(PREFIX[provider].length);
  const paths = spec.paths as Record<string, Json>;
  for (const [template, item] of Object.entries(paths)) {
    const names: string[] = [];
    const pattern = template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const match = new RegExp(`^${pattern}$`).exec(relative);
    const operation = item[request.method.toLowerCase()];
    if (!match || !isObject(operation)) continue;
    const responses = operation.responses as Record<string, Json>;
    const code = Object.keys(responses).find((status) => status.startsWith('2')) ?? '200';
    const response = resolve(spec, responses[code]);
    const content = isObject(response?.content) ? response.content : undefined;
    const media = content && Object.values(content)[0];
    const schema = isObject(media) ? media.schema : undefined;
    if (!schema) return { status: Number(code), body: undefined };
    const body = sample(schema, { skipWriteOnly: true, quiet: true }, spec);
    const type = template.split('/')[1] ?? '';
    return { status: Number(code), body: echoIds(provider, body, names, match.slice(1), type) };
  }
  throw new Error(`${provider} ${request.method} ${request.path} is not in the spec`);
}

function resolve(spec: Json, value: unknown): Json | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.$ref !== 'string') return value;
  let node: unknown = spec;
  for (const part of value.$ref.replace(/^#\//, '').split('/'))
    node = isObject(node) ? node[part] : undefined;
  return resolve(spec, node);
}

/**
 * A TIDAL document about one item names that item: the sampled `data.id` ("string") becomes
 * the id from the path, as the real API answers it.
 */
function echoIds(
  provider: ProviderId,
  body: unknown,
  names: string[],
  values: string[],
  type: string,
): unknown {
  if (provider !== 'tidal' || !isObject(body)) return body;
  const id = values[names.indexOf('id')];
  if (id !== undefined && isObject(body.data)) {
    body.data.id = decodeURIComponent(id);
    body.data.type = type;
  }
  return body;
}

/** Optional inputs a tool needs at least one of, beyond what the required ones sample to. */
const EXTRA: Record<string, Json> = {
  tidal_update_playlist_details: { name: 'Renamed' },
  spotify_update_playlist_details: { name: 'Renamed' },
  tidal_remove_from_playlist: { item_ids: ['1'] },
  tidal_reorder_playlist: { range_start: 0, insert_before: 3 },
  tidal_open: { item: '251380837', kind: 'track' },
  spotify_import_playlist: { format: 'csv', text: 'title,artist\nOcean Eyes,Billie Eilish\n' },
  tidal_import_playlist: { format: 'csv', text: 'title,artist\nOcean Eyes,Billie Eilish\n' },
  sync_playlist: { from: 'spotify', to: 'tidal' },
};

/** Inputs by field name where a sample of the input schema can't be a real id. */
const SPOTIFY_ID = '4uLU6hMCjMI75M1A2tKUQC';
const TIDAL_UUID = '0f4b2c3e-7d1a-4b8e-9c2f-5a6d7e8f9a0b';
function inputFor(tool: (typeof TOOLS)[number], schema: unknown): Json {
  const sampled = sample(schema, { skipNonRequired: true, quiet: true });
  const args: Json = isObject(sampled) ? sampled : {};
  const spotify = tool.provider === 'spotify';
  const known: Json = {
    query: 'ocean eyes',
    name: 'A playlist',
    playlist_id: spotify ? SPOTIFY_ID : TIDAL_UUID,
    track_id: spotify ? SPOTIFY_ID : '251380837',
    album_id: spotify ? SPOTIFY_ID : '251380836',
    artist_id: spotify ? SPOTIFY_ID : '3346',
    device_id: 'device-1',
    uri: `spotify:track:${SPOTIFY_ID}`,
    uris: [`spotify:track:${SPOTIFY_ID}`],
    context_uri: `spotify:playlist:${SPOTIFY_ID}`,
    ids: spotify ? [SPOTIFY_ID] : ['251380837'],
    track_ids: ['251380837'],
    item_ids: ['1'],
    item_id: '251380837',
    playlist_ids: spotify ? [SPOTIFY_ID, SPOTIFY_ID] : [TIDAL_UUID, TIDAL_UUID],
    source_playlist_id: SPOTIFY_ID,
    target_playlist_id: TIDAL_UUID,
    show_id: SPOTIFY_ID,
    episode_id: SPOTIFY_ID,
    audiobook_id: SPOTIFY_ID,
  };
  for (const key of Object.keys(known)) if (key in args) args[key] = known[key];
  Object.assign(args, EXTRA[tool.name]);
  const parsed = tool.input.safeParse(args);
  return parsed.success ? (parsed.data as Json) : args;
}

/**
 * Tools whose answer the host builds rather than reads from a provider: the doctor's report, and
 * undo (its input is a receipt the host issued). Each has tests of its own.
 */
const HOST_ANSWERED: ReadonlySet<string> = new Set(['spotify_doctor', 'undo']);

/**
 * A sampled page always names a next page, so a tool that must read whole playlists before it
 * changes anything reaches its bound and says so, which is the right answer to endless paging.
 */
const READS_WHOLE_PLAYLISTS: ReadonlySet<string> = new Set(['sync_playlist']);

describe('every tool over answers sampled from the providers’ specs', () => {
  let bridge: ScriptedBridge;
  const manifest = describeBridge('test', TOOLS);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const outcomes: Array<{ tool: string; error?: string; schemaErrors: string[] }> = [];

  beforeAll(async () => {
    bridge = await scriptedBridge(specAnswer);
    for (const tool of manifest.tools) {
      const definition = TOOLS.find((t) => t.name === tool.name);
      if (!definition) continue;
      const result = await bridge.call(tool.name, inputFor(definition, tool.inputSchema));
      const text = (result.content as Array<{ text?: string }>)[0]?.text ?? '';
      const validate = ajv.compile(tool.outputSchema ?? {});
      const schemaErrors =
        result.structuredContent !== undefined && !validate(result.structuredContent)
          ? (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`)
          : [];
      outcomes.push({ tool: tool.name, error: result.isError ? text : undefined, schemaErrors });
    }
  }, 60_000);
  afterAll(async () => {
    await bridge?.close();
  });

  it('checks each structuredContent against the tool’s output schema with ajv (2020-12)', () => {
    expect(outcomes).toHaveLength(TOOLS.length);
    const broken = outcomes.filter((o) => o.schemaErrors.length > 0);
    expect(broken).toEqual([]);
    // Every tool finishes on what the specs describe (but those the host answers itself).
    const failed = outcomes.filter(
      (o) =>
        o.error !== undefined &&
        !HOST_ANSWERED.has(o.tool) &&
        !(READS_WHOLE_PLAYLISTS.has(o.tool) && /longer than TuneBridge reads/.test(o.error)),
    );
    expect(failed).toEqual([]);
  });

  it('never fails "inside TuneBridge" on an answer the spec allows', () => {
    const internal = outcomes.filter(
      (o) => !HOST_ANSWERED.has(o.tool) && o.error && /inside TuneBridge/.test(o.error),
    );
    expect(internal).toEqual([]);
  });

  it('gives recently played no `before` when Spotify’s cursor is not a time', async () => {
    const local = await scriptedBridge(() => ({
      status: 200,
      body: { items: [], cursors: { before: 'MTcwMDAwMDAwMDAwMA' }, next: 'https://next' },
    }));
    const result = await local.call('spotify_get_recently_played', { limit: 5 });
    await local.close();
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ plays: [] });
  });
});
