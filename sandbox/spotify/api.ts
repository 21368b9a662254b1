import type { AccountStore } from '../accounts/index.js';
import type { ApiRequest, ApiResponse, ProviderApi } from '../server/api-types.js';
import { SpotifyObjects } from './objects.js';
import { parseQuery, CatalogSearch, type ParsedQuery } from '../search/catalog-search.js';

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

/** The Spotify Web API routes the sandbox serves, under `/v1`. */
export class SpotifyApi implements ProviderApi {
  readonly contentType = 'application/json; charset=utf-8';
  private readonly objects: SpotifyObjects;
  private readonly search: CatalogSearch;

  constructor(
    store: AccountStore,
    private readonly apiBaseUrl: string,
  ) {
    this.objects = new SpotifyObjects(store, apiBaseUrl);
    this.search = new CatalogSearch(store);
  }

  handle(request: ApiRequest): ApiResponse | undefined {
    if (request.method !== 'GET') return undefined;
    if (request.path === '/v1/me') return { status: 200, body: this.objects.user(request.grant) };
    if (request.path === '/v1/search') return this.searchRoute(request.query);
    const track = /^\/v1\/tracks\/([^/]+)$/.exec(request.path);
    if (track?.[1]) return this.trackRoute(track[1], request.query);
    return undefined;
  }

  error(status: number, message: string): ApiResponse {
    return { status, body: { error: { status, message } } };
  }

  private trackRoute(id: string, query: URLSearchParams): ApiResponse {
    const key = this.objects.ids.key('track', id);
    if (!key) return this.error(404, 'Resource not found');
    const recording = this.objects.store.catalog.recording(key);
    return { status: 200, body: this.objects.track(recording, query.get('market') ?? undefined) };
  }

  private searchRoute(query: URLSearchParams): ApiResponse {
    const q = query.get('q');
    if (!q) return this.error(400, 'No search query');
    const typeParam = query.get('type');
    if (!typeParam) return this.error(400, 'Missing parameter type');
    const types = typeParam.split(',');
    if (
      !types.every((type): type is SearchTypeName =>
        (SEARCH_TYPES as readonly string[]).includes(type),
      )
    ) {
      return this.error(400, 'Bad search type field');
    }
    const limit = integerParam(query.get('limit'), SEARCH_LIMIT.default);
    if (limit === undefined || limit < SEARCH_LIMIT.min || limit > SEARCH_LIMIT.max) {
      return this.error(400, 'Invalid limit');
    }
    const offset = integerParam(query.get('offset'), 0);
    if (offset === undefined || offset < 0 || offset > MAX_OFFSET) {
      return this.error(400, 'Invalid offset');
    }
    const market = query.get('market') ?? undefined;
    const parsed = parseQuery(q);
    const body: Record<string, unknown> = {};
    for (const type of new Set(types)) {
      const items = this.searchItems(type, parsed, market);
      body[`${type}s`] = this.page(items, { q, type, limit, offset, market });
    }
    return { status: 200, body };
  }

  private searchItems(
    type: SearchTypeName,
    parsed: ParsedQuery,
    market: string | undefined,
  ): unknown[] {
    switch (type) {
      case 'track':
        return this.search.tracks(parsed).map((recording) => this.objects.track(recording, market));
      case 'album':
        return this.search.albums(parsed).map((album) => this.objects.simplifiedAlbum(album));
      case 'artist':
        return this.search.artists(parsed).map((artist) => this.objects.artist(artist));
      case 'playlist':
        return this.search
          .playlists(parsed)
          .map((playlist) => this.objects.simplifiedPlaylist(playlist));
      default:
        // The sandbox has no podcasts or audiobooks; Spotify answers such searches with empty pages.
        return [];
    }
  }

  private page(
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
      return `${this.apiBaseUrl}/v1/search?${params.toString()}`;
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
}

/** A whole number, the default when absent, or undefined when it is not one. */
function integerParam(raw: string | null, fallback: number): number | undefined {
  if (raw === null) return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
}
