import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { ToolError } from '../tool-error.js';
import { getJson, OffsetPage, playerCommand, present } from './spotify-api.js';
import { DeviceId, spotifyUri, text, TrackUri } from './spotify-inputs.js';

const QueryType = z.enum(['track', 'album', 'playlist', 'artist']);

const input = z
  .object({
    uris: z
      .array(TrackUri)
      .min(1)
      .max(100)
      .optional()
      .describe('Tracks to play, in order (spotify:track:… URIs).'),
    context_uri: spotifyUri('album', 'playlist', 'artist')
      .optional()
      .describe('An album, playlist or artist URI to play.'),
    query: text(250)
      .optional()
      .describe('Words to search for; the best match is played, e.g. "kind of blue".'),
    query_type: QueryType.default('track').describe('What `query` looks for.'),
    offset_position: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .optional()
      .describe('Start at this position (0-based) in the album, playlist or list of tracks.'),
    position_ms: z.number().int().min(0).max(86_400_000).optional(),
    device_id: DeviceId.optional(),
  })
  .refine(
    (value) =>
      [value.uris, value.context_uri, value.query].filter((v) => v !== undefined).length <= 1,
    'Give at most one of uris, context_uri and query (none resumes playback).',
  );

const output = z.object({
  action: z.enum(['resumed', 'started']),
  uris: z.array(z.string()).optional(),
  contextUri: z.string().optional(),
  resolved: z.object({ query: z.string(), name: z.string(), uri: z.string() }).optional(),
  deviceId: z.string().optional(),
});

const Named = z.object({
  uri: z.string(),
  name: z.string(),
  artists: z.array(z.object({ name: z.string() })).optional(),
});
const SearchResponse = z.object({
  tracks: OffsetPage(Named).optional(),
  albums: OffsetPage(Named).optional(),
  playlists: OffsetPage(Named).optional(),
  artists: OffsetPage(Named).optional(),
});

export const play = defineTool({
  name: 'spotify_play',
  title: 'Play on Spotify',
  description:
    'Start or resume playback: no arguments resumes; or pass track URIs, an album/playlist/artist URI, or a search query (the best match plays).',
  provider: 'spotify',
  scopes: ['user-modify-playback-state', 'user-read-playback-state'],
  kind: 'write',
  idempotent: false,
  input,
  output,
  async run(args, context) {
    const result: z.infer<typeof output> = { action: 'started', deviceId: args.device_id };
    let uris = args.uris;
    let contextUri = args.context_uri;
    if (args.query !== undefined) {
      const found = await bestMatch(context, args.query, args.query_type);
      result.resolved = { query: args.query, name: found.name, uri: found.uri };
      if (args.query_type === 'track') uris = [found.uri];
      else contextUri = found.uri;
    }
    const body: Record<string, unknown> = {};
    if (uris) body.uris = uris;
    if (contextUri) body.context_uri = contextUri;
    if (args.offset_position !== undefined) body.offset = { position: args.offset_position };
    if (args.position_ms !== undefined) body.position_ms = args.position_ms;
    if (!uris && !contextUri) result.action = 'resumed';
    await playerCommand(
      context,
      {
        method: 'PUT',
        path: '/v1/me/player/play',
        query: args.device_id ? { device_id: args.device_id } : undefined,
        body: Object.keys(body).length > 0 ? body : undefined,
      },
      'start playback',
    );
    result.uris = uris;
    result.contextUri = contextUri;
    const what = result.resolved
      ? `${result.resolved.name} (${result.resolved.uri}), best match for “${args.query}”`
      : (contextUri ?? (uris ? `${uris.length} track${uris.length === 1 ? '' : 's'}` : undefined));
    const where = args.device_id ? ` on device ${args.device_id}` : '';
    return {
      structured: result,
      text: what ? `Playing ${what}${where}.` : `Resumed playback${where}.`,
    };
  },
});

async function bestMatch(
  context: Parameters<(typeof play)['run']>[1],
  query: string,
  type: z.infer<typeof QueryType>,
): Promise<z.infer<typeof Named>> {
  const page = await getJson(
    context,
    '/v1/search',
    { q: query, type, limit: '1' },
    SearchResponse,
    'search for something to play',
  );
  const first = present(page[`${type}s`]?.items ?? [])[0];
  if (!first) {
    throw new ToolError(
      'not_found',
      `Spotify found no ${type} for “${query}”. Try other words, or use spotify_search and pass a URI.`,
    );
  }
  return first;
}
