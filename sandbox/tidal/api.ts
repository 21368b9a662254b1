import type { AccountStore } from '../accounts/index.js';
import type { ApiRequest, ApiResponse, ProviderApi } from '../server/api-types.js';
import {
  albumItemsRoute,
  albumRoute,
  artistAlbumsRoute,
  artistRadioRoute,
  artistRoute,
  artistTracksRoute,
  searchRoute,
  similarTracksRoute,
  trackRadioRoute,
  trackRoute,
  tracksRoute,
} from './catalog-routes.js';
import { COLLECTION_KINDS, collectionRoute, type CollectionKind } from './collection-routes.js';
import { TidalContext, tidalError, USER_IDS } from './context.js';
import { TidalIds } from './ids.js';
import { recommendationsRoute } from './mixes-route.js';
import {
  addItemsRoute,
  createPlaylistRoute,
  getPlaylistRoute,
  listPlaylistsRoute,
  moveItemsRoute,
  playlistItemsRoute,
  removeItemsRoute,
  updatePlaylistRoute,
} from './playlist-routes.js';
import { compilePath } from '../server/route-path.js';
import { IdempotencyStore } from './idempotency.js';
import { RateLimiter, type TidalRateLimit } from './rate-limit.js';
import { Resources } from './resources.js';

type Handler = (c: TidalContext, request: ApiRequest, ...params: string[]) => ApiResponse;
interface Route {
  method: string;
  pattern: RegExp;
  handle: Handler;
}

const route = (method: string, path: string, handle: Handler): Route => ({
  method,
  pattern: compilePath(`/v2${path}`).regex,
  handle,
});

const ROUTES: Route[] = [
  route('GET', '/users/{id}', (c, r, id = '') => userRoute(c, r, id)),
  route('GET', '/searchResults', searchRoute),
  route('GET', '/tracks', tracksRoute),
  route('GET', '/tracks/{id}', trackRoute),
  route('GET', '/tracks/{id}/relationships/radio', trackRadioRoute),
  route('GET', '/tracks/{id}/relationships/similarTracks', similarTracksRoute),
  route('GET', '/albums/{id}', albumRoute),
  route('GET', '/albums/{id}/relationships/items', albumItemsRoute),
  route('GET', '/artists/{id}', artistRoute),
  route('GET', '/artists/{id}/relationships/tracks', artistTracksRoute),
  route('GET', '/artists/{id}/relationships/albums', artistAlbumsRoute),
  route('GET', '/artists/{id}/relationships/radio', artistRadioRoute),
  route('GET', '/playlists', listPlaylistsRoute),
  route('POST', '/playlists', createPlaylistRoute),
  route('GET', '/playlists/{id}', getPlaylistRoute),
  route('PATCH', '/playlists/{id}', updatePlaylistRoute),
  route('GET', '/playlists/{id}/relationships/items', playlistItemsRoute),
  route('POST', '/playlists/{id}/relationships/items', addItemsRoute),
  route('PATCH', '/playlists/{id}/relationships/items', moveItemsRoute),
  route('DELETE', '/playlists/{id}/relationships/items', removeItemsRoute),
  route('GET', '/userRecommendations/{id}', recommendationsRoute),
  ...COLLECTION_KINDS.flatMap((kind) =>
    ['GET', 'POST', 'DELETE'].map((method) =>
      route(method, `/userCollections/{id}/relationships/${kind}`, (c, r, id = '') =>
        collectionRoute(c, r, id, kind as CollectionKind),
      ),
    ),
  ),
];

/** The TIDAL API routes the sandbox serves, under `/v2`, in JSON:API shapes. */
export class TidalApi implements ProviderApi {
  readonly contentType = 'application/vnd.api+json';
  readonly context: TidalContext;
  readonly rateLimiter: RateLimiter;
  readonly idempotency = new IdempotencyStore();

  constructor(store: AccountStore) {
    const resources = new Resources(store.catalog, new TidalIds(store.catalog), {
      missing: new Set(),
      isrcOverrides: new Map(),
      barcodeOverrides: new Map(),
    });
    this.context = new TidalContext(store, resources);
    this.rateLimiter = new RateLimiter(store.now);
  }

  static userId(person: keyof typeof USER_IDS): string {
    return USER_IDS[person];
  }

  handle(request: ApiRequest): ApiResponse | undefined {
    const limited = this.rateLimiter.take();
    if (limited) return limited;
    for (const candidate of ROUTES) {
      if (candidate.method !== request.method) continue;
      const match = candidate.pattern.exec(request.path);
      if (!match) continue;
      const params = match.slice(1).map((part) => decodeURIComponent(part));
      const answer = () => candidate.handle(this.context, request, ...params);
      // Every mutation the sandbox serves is one the spec documents `Idempotency-Key` for.
      return request.method === 'GET' ? answer() : this.idempotency.run(request, answer);
    }
    return undefined;
  }

  error(status: number, message: string): ApiResponse {
    return tidalError(status, message);
  }

  setRateLimit(limit: TidalRateLimit | undefined): void {
    this.rateLimiter.set(limit);
  }
}

function userRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const { person } = c.store.account(request.grant.person);
  const ownId = USER_IDS[person.key];
  if (id !== 'me' && id !== ownId) return tidalError(404, 'Resource not found', 'NOT_FOUND');
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
