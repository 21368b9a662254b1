import { parseQuery, CatalogSearch, type ParsedQuery } from '../search/catalog-search.js';
import type { ApiResponse } from '../server/api-types.js';
import type { SpotifyObjects } from './objects.js';
import { spotifyError, type Call, type Route } from './route.js';
import { searchSpoken } from './spoken-routes.js';

/** From the vendored spec: `limit` is 1–10 (default 5) and `offset` at most 1000. */
const SEARCH_LIMIT = { min: 1, max: 10, default: 5 };
const MAX_OFFSET = 1000;
const SEARCH_TYPES = [
  'album',
  'artist',
  'playlist',
  'track',
  'show',
  'episode',
  'audiobook',
] as const;
type SearchTypeName = (typeof SEARCH_TYPES)[number];

/** `GET /v1/search` over the seeded catalog. */
export function searchRoute(search: CatalogSearch): Route {
  return { method: 'GET', path: '/search', scopes: [], handle: (call) => answer(call, search) };
}

export { CatalogSearch };

function answer(call: Call, search: CatalogSearch): ApiResponse {
  const query = call.query;
  const q = query.get('q');
  if (!q) return spotifyError(400, 'No search query');
  const typeParam = query.get('type');
  if (!typeParam) return spotifyError(400, 'Missing parameter type');
  const types = typeParam.split(',');
  if (
    !types.every((type): type is SearchTypeName =>
      (SEARCH_TYPES as readonly string[]).includes(type),
    )
  ) {
    return spotifyError(400, 'Bad search type field');
  }
  const limit = integerParam(query.get('limit'), SEARCH_LIMIT.default);
  if (limit === undefined || limit < SEARCH_LIMIT.min || limit > SEARCH_LIMIT.max) {
    return spotifyError(400, 'Invalid limit');
  }
  const offset = integerParam(query.get('offset'), 0);
  if (offset === undefined || offset < 0 || offset > MAX_OFFSET) {
    return spotifyError(400, 'Invalid offset');
  }
  const market = query.get('market') ?? undefined;
  const parsed = parseQuery(q);
  const body: Record<string, unknown> = {};
  for (const type of new Set(types)) {
    const items =
      type === 'show' || type === 'episode' || type === 'audiobook'
        ? searchSpoken(
            call,
            type,
            q.split(/\s+/).filter((word) => word && !word.includes(':')),
          )
        : searchItems(call.services.objects, search, type, parsed, market);
    body[`${type}s`] = page(call.services.apiBaseUrl, items, { q, type, limit, offset, market });
  }
  return { status: 200, body };
}

function searchItems(
  objects: SpotifyObjects,
  search: CatalogSearch,
  type: SearchTypeName,
  parsed: ParsedQuery,
  market: string | undefined,
): unknown[] {
  switch (type) {
    case 'track':
      return search.tracks(parsed).map((recording) => objects.track(recording, market));
    case 'album':
      return search.albums(parsed).map((album) => objects.simplifiedAlbum(album));
    case 'artist':
      return search.artists(parsed).map((artist) => objects.artist(artist));
    case 'playlist':
      return search.playlists(parsed).map((playlist) => objects.simplifiedPlaylist(playlist));
    default:
      return [];
  }
}

function page(
  apiBaseUrl: string,
  all: unknown[],
  at: { q: string; type: string; limit: number; offset: number; market: string | undefined },
): Record<string, unknown> {
  const href = (offset: number) => {
    const params = new URLSearchParams({
      q: at.q,
      type: at.type,
      offset: String(offset),
      limit: String(at.limit),
    });
    if (at.market) params.set('market', at.market);
    return `${apiBaseUrl}/v1/search?${params.toString()}`;
  };
  const total = all.length;
  const hasNext = at.offset + at.limit < total && at.offset + at.limit <= MAX_OFFSET;
  return {
    href: href(at.offset),
    items: all.slice(at.offset, at.offset + at.limit),
    limit: at.limit,
    next: hasNext ? href(at.offset + at.limit) : null,
    offset: at.offset,
    previous: at.offset > 0 ? href(Math.max(0, at.offset - at.limit)) : null,
    total,
  };
}

/** A whole number, the default when absent, or undefined when it is not one. */
function integerParam(raw: string | null, fallback: number): number | undefined {
  if (raw === null) return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
}
