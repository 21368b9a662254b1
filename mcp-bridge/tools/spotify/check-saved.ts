import * as z from 'zod';
import type { ToolContext } from '../define-tool.js';
import { defineTool } from '../define-tool.js';
import { apiFailure } from '../tool-error.js';
import { getJson, OffsetPage, parseBody } from './spotify-api.js';
import { spotifyUri } from './spotify-inputs.js';

/** How much of the library the fallback reads, at 50 per page. */
const MAX_PAGES = 40;
const PAGE = 50;

const Uri = z.object({ uri: z.string() });

export const checkSaved = defineTool({
  name: 'spotify_check_saved',
  title: 'Check if saved',
  description:
    'Whether each track or album is in the person’s library, and whether they follow each artist.',
  provider: 'spotify',
  scopes: ['user-library-read', 'user-follow-read'],
  kind: 'read',
  idempotent: true,
  input: z.object({
    uris: z
      .array(spotifyUri('track', 'album', 'artist'))
      .min(1)
      .max(40)
      .describe('Track and album URIs (saved?) and artist URIs (followed?).'),
  }),
  output: z.object({
    results: z.array(z.object({ uri: z.string(), saved: z.boolean() })),
    method: z.enum(['contains', 'library-scan']),
    note: z.string().optional(),
  }),
  async run({ uris }, context) {
    const unique = [...new Set(uris)];
    const response = await context.api({
      method: 'GET',
      path: '/v1/me/library/contains',
      query: { uris: unique.join(',') },
    });
    let saved: boolean[];
    let note: string | undefined;
    if (response.status === 200) {
      saved = parseBody(z.array(z.boolean()), response.body, 'check the library');
    } else if (response.status === 403) {
      // Closed to apps registered in 2026: read the library instead.
      const scan = await scanLibrary(context, unique);
      saved = unique.map((uri) => scan.found.has(uri));
      note = `Spotify does not let this app use its “is it saved?” check, so TuneBridge read your library instead${scan.complete ? '' : ` (the first ${MAX_PAGES * PAGE} items of each kind; anything beyond shows as not saved)`}.`;
    } else {
      throw apiFailure('spotify', response, 'check your library');
    }
    const results = unique.map((uri, i) => ({ uri, saved: saved[i] ?? false }));
    const lines = results.map((r, i) => `${i + 1}. ${r.uri} · ${r.saved ? 'saved' : 'not saved'}`);
    return {
      structured: {
        results,
        method: note ? ('library-scan' as const) : ('contains' as const),
        note,
      },
      text: [...lines, ...(note ? [note] : [])].join('\n'),
    };
  },
});

async function scanLibrary(
  context: ToolContext,
  uris: string[],
): Promise<{ found: Set<string>; complete: boolean }> {
  const found = new Set<string>();
  let complete = true;
  const wanted = (kind: string) => uris.some((uri) => uri.startsWith(`spotify:${kind}:`));
  for (const [kind, path, field] of [
    ['track', '/v1/me/tracks', 'track'],
    ['album', '/v1/me/albums', 'album'],
  ] as const) {
    if (!wanted(kind)) continue;
    const schema = OffsetPage(z.object({ [field]: Uri }));
    for (let page = 0; ; page += 1) {
      if (page === MAX_PAGES) {
        complete = false;
        break;
      }
      const body = await getJson(
        context,
        path,
        { limit: String(PAGE), offset: String(page * PAGE) },
        schema,
        'read your library',
      );
      for (const item of body.items) {
        const uri = (item as Record<string, z.infer<typeof Uri>> | null)?.[field]?.uri;
        if (uri) found.add(uri);
      }
      if (!body.next) break;
    }
  }
  if (wanted('artist')) {
    const schema = z.object({
      artists: z.object({
        items: z.array(Uri.nullable()),
        next: z.string().nullable().optional(),
        cursors: z.object({ after: z.string().nullable().optional() }).nullable().optional(),
      }),
    });
    let after: string | undefined;
    for (let page = 0; ; page += 1) {
      if (page === MAX_PAGES) {
        complete = false;
        break;
      }
      const body = await getJson(
        context,
        '/v1/me/following',
        { type: 'artist', limit: String(PAGE), ...(after ? { after } : {}) },
        schema,
        'read the artists you follow',
      );
      for (const artist of body.artists.items) if (artist) found.add(artist.uri);
      after = body.artists.cursors?.after ?? undefined;
      if (!body.artists.next || !after) break;
    }
  }
  return { found, complete };
}
