import * as z from 'zod';
import type { ToolContext } from '../define-tool.js';
import { defineTool } from '../define-tool.js';
import { apiFailure, ToolError } from '../tool-error.js';
import { chunk, isOk, mapLimited, parseBody } from './spotify-api.js';
import { spotifyUri } from './spotify-inputs.js';
import {
  Album,
  Artist,
  SpotifyAlbumObject,
  SpotifyArtistObject,
  SpotifyTrackObject,
  Track,
  albumLine,
  artistLine,
  toAlbum,
  toArtist,
  toTrack,
  trackLine,
} from './spotify-items.js';

/** Per-id requests run this many at a time, inside the host's own per-provider limit. */
const CONCURRENCY = 4;

const KINDS = {
  track: { schema: SpotifyTrackObject, batch: 50 },
  album: { schema: SpotifyAlbumObject, batch: 20 },
  artist: { schema: SpotifyArtistObject, batch: 50 },
} as const;
type Kind = keyof typeof KINDS;

export const getSeveral = defineTool({
  name: 'spotify_get_several',
  title: 'Get several tracks, albums or artists',
  description: 'Look up several tracks, albums and artists at once by URI.',
  provider: 'spotify',
  scopes: [],
  kind: 'read',
  idempotent: true,
  input: z.object({
    uris: z
      .array(spotifyUri('track', 'album', 'artist'))
      .min(1)
      .max(50),
  }),
  output: z.object({
    tracks: z.array(Track),
    albums: z.array(Album),
    artists: z.array(Artist),
    notFound: z.array(z.string()),
    notes: z.array(z.string()),
  }),
  async run({ uris }, context) {
    const unique = [...new Set(uris)];
    const notes: string[] = [];
    const found = new Map<string, unknown>();
    for (const kind of Object.keys(KINDS) as Kind[]) {
      const ids = unique.filter((u) => u.startsWith(`spotify:${kind}:`)).map((u) => u.slice(-22));
      if (ids.length > 0) await lookUp(context, kind, ids, found, notes);
    }
    const pick = <K extends Kind>(kind: K) =>
      unique
        .filter((uri) => uri.startsWith(`spotify:${kind}:`) && found.has(uri))
        .map((uri) => found.get(uri) as z.infer<(typeof KINDS)[K]['schema']>);
    const tracks = pick('track').map((t) => toTrack(t as z.infer<typeof SpotifyTrackObject>));
    const albums = pick('album').map((a) => toAlbum(a as z.infer<typeof SpotifyAlbumObject>));
    const artists = pick('artist').map((a) => toArtist(a as z.infer<typeof SpotifyArtistObject>));
    const notFound = unique.filter((uri) => !found.has(uri));
    const text = [
      ...tracks.map((t, i) => trackLine(i + 1, t)),
      ...albums.map((a, i) => albumLine(i + 1, a)),
      ...artists.map((a, i) => artistLine(i + 1, a)),
      ...(notFound.length > 0 ? [`Not found: ${notFound.join(', ')}`] : []),
      ...notes,
    ];
    return {
      structured: { tracks, albums, artists, notFound, notes },
      text: text.join('\n'),
    };
  },
});

/** Tries the batch endpoint; apps registered in 2026 get 403 there, so it asks one by one. */
async function lookUp(
  context: ToolContext,
  kind: Kind,
  ids: string[],
  found: Map<string, unknown>,
  notes: string[],
): Promise<void> {
  const { schema, batch } = KINDS[kind];
  const Batch = z.object({ [`${kind}s`]: z.array(schema.nullable()) });
  for (const part of chunk(ids, batch)) {
    const response = await context.api({
      method: 'GET',
      path: `/v1/${kind}s`,
      query: { ids: part.join(',') },
    });
    if (response.status === 200) {
      const body = parseBody(Batch, response.body, `look up ${kind}s`);
      for (const item of (body[`${kind}s`] ?? []) as Array<{ uri: string } | null>) {
        if (item) found.set(item.uri, item);
      }
      continue;
    }
    // 403: closed to this registration. 400: an unknown id spoils the batch; ask one by one.
    if (response.status !== 403 && response.status !== 400) {
      throw apiFailure('spotify', response, `look up ${kind}s`);
    }
    if (response.status === 403) {
      notes.push(
        `Spotify does not let this app look up several ${kind}s in one request, so TuneBridge asked for each one separately.`,
      );
    }
    await mapLimited(part, CONCURRENCY, (id) => lookUpOne(context, kind, id, found));
  }
}

async function lookUpOne(
  context: ToolContext,
  kind: Kind,
  id: string,
  found: Map<string, unknown>,
): Promise<void> {
  const response = await context.api({ method: 'GET', path: `/v1/${kind}s/${id}` });
  if (response.status === 404 || response.status === 400) return;
  if (!isOk(response)) throw apiFailure('spotify', response, `look up ${kind} ${id}`);
  const parsed = KINDS[kind].schema.safeParse(response.body);
  if (!parsed.success) {
    throw new ToolError('bad_response', `Spotify answered ${kind} ${id} in an unexpected shape.`);
  }
  found.set(parsed.data.uri, parsed.data);
}
