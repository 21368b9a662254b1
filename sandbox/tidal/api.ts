import { createHash, randomUUID } from 'node:crypto';
import type { AccountStore, PersonKey } from '../accounts/index.js';
import { CatalogSearch } from '../search/catalog-search.js';
import type { ApiRequest, ApiResponse, ProviderApi } from '../server/api-types.js';

/** TIDAL user ids are numbers; these are the sandbox people's. */
const USER_IDS: Record<PersonKey, string> = {
  listener: '190000001',
  free: '190000002',
  idle: '190000003',
};
/** Search returns at most this many of each kind in one relationship page. */
const SEARCH_PAGE = 20;

/** The TIDAL API routes the sandbox serves, under `/v2`, in JSON:API shapes. */
export class TidalApi implements ProviderApi {
  readonly contentType = 'application/vnd.api+json';
  private readonly search: CatalogSearch;
  private readonly indexes: {
    track: Map<string, number>;
    album: Map<string, number>;
    artist: Map<string, number>;
  };

  constructor(private readonly store: AccountStore) {
    this.search = new CatalogSearch(store);
    const { catalog } = store;
    const positions = (items: readonly { key: string }[]) =>
      new Map(items.map((item, index) => [item.key, index]));
    this.indexes = {
      track: positions(catalog.recordings),
      album: positions(catalog.albums),
      artist: positions(catalog.artists),
    };
  }

  static userId(person: PersonKey): string {
    return USER_IDS[person];
  }

  handle(request: ApiRequest): ApiResponse | undefined {
    if (request.method !== 'GET') return undefined;
    const user = /^\/v2\/users\/([^/]+)$/.exec(request.path);
    if (user?.[1]) return this.userRoute(decodeURIComponent(user[1]), request);
    if (request.path === '/v2/searchResults') return this.searchRoute(request.query);
    return undefined;
  }

  error(status: number, message: string): ApiResponse {
    return { status, body: { errors: [{ status: String(status), detail: message }] } };
  }

  private userRoute(id: string, request: ApiRequest): ApiResponse {
    const { person } = this.store.account(request.grant.person);
    const ownId = USER_IDS[person.key];
    if (id !== 'me' && id !== ownId) return this.error(404, 'Resource not found');
    const readsAccount = request.grant.scopes.some(
      (scope) => scope === 'user.read' || scope === 'r_usr',
    );
    return {
      status: 200,
      body: {
        data: {
          id: ownId,
          type: 'users',
          attributes: {
            country: person.country,
            developerAccessTier: 'THIRD_PARTY',
            username: person.username,
            firstName: person.firstName,
            lastName: person.lastName,
            // Contact details need the account scope, like the real service.
            ...(readsAccount ? { email: person.email, emailVerified: true } : {}),
          },
        },
        links: { self: `/users/${ownId}` },
      },
    };
  }

  private searchRoute(query: URLSearchParams): ApiResponse {
    const text = query.get('filter[query]');
    if (!text) return this.error(400, 'filter[query] is required');
    if (text.length > 256) return this.error(400, 'filter[query] is longer than 256 characters');
    const parsed = { text, filters: {} };
    const relationship = (type: string, ids: string[]) => ({
      data: ids.slice(0, SEARCH_PAGE).map((id) => ({ id, type })),
      links: { self: `/searchResults/${encodeURIComponent(text)}/relationships/${type}` },
    });
    const tracks = this.search.tracks(parsed).map((item) => this.id('track', item.key));
    const albums = this.search.albums(parsed).map((item) => this.id('album', item.key));
    const artists = this.search.artists(parsed).map((item) => this.id('artist', item.key));
    const playlists = this.search.playlists(parsed).map((item) => playlistId(item.key));
    return {
      status: 200,
      body: {
        data: [
          {
            id: text,
            type: 'searchResults',
            attributes: { query: text, trackingId: randomUUID() },
            relationships: {
              tracks: relationship('tracks', tracks),
              albums: relationship('albums', albums),
              artists: relationship('artists', artists),
              playlists: relationship('playlists', playlists),
              videos: relationship('videos', []),
              topHits: {
                ...relationship('tracks', tracks.slice(0, 3)),
                links: { self: `/searchResults/${encodeURIComponent(text)}/relationships/topHits` },
              },
            },
          },
        ],
        links: { self: `/searchResults?filter%5Bquery%5D=${encodeURIComponent(text)}` },
      },
    };
  }

  private id(kind: 'track' | 'album' | 'artist', key: string): string {
    const base = { track: 10_000_000, album: 20_000_000, artist: 30_000_000 }[kind];
    return String(base + (this.indexes[kind].get(key) ?? 0));
  }
}

/** TIDAL playlist ids are UUIDs; derived from the key so they stay put between runs. */
function playlistId(key: string): string {
  const hex = createHash('sha256').update(`tidal:playlist:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
