import { Player, type AccountStore } from '../accounts/index.js';
import { CatalogSearch } from '../search/catalog-search.js';
import type { ApiRequest, ApiResponse, ProviderApi } from '../server/api-types.js';
import { catalogRoutes } from './catalog-routes.js';
import { closedRoutes } from './closed-routes.js';
import { gatedAnswer } from './gating.js';
import { libraryRoutes } from './library-routes.js';
import { SpotifyObjects } from './objects.js';
import { personalRoutes } from './personal-routes.js';
import { PlayerObjects } from './player-objects.js';
import { playerRoutes } from './player-routes.js';
import { playlistRoutes } from './playlist-routes.js';
import { INSUFFICIENT_SCOPE, spotifyError, type Route, type SpotifyServices } from './route.js';
import { compilePath, literalFirst } from '../server/route-path.js';
import type { SpotifyRateLimit } from '../types.js';
import { RollingWindowLimiter } from './rate-limit.js';
import { searchRoute } from './search-route.js';
import { SpokenWorld } from './spoken.js';
import { spokenRoutes } from './spoken-routes.js';
import { user } from './user-route.js';

const VERSION_PREFIX = '/v1';

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

/**
 * The Spotify Web API routes the sandbox serves, under `/v1`. Each request goes through the
 * same steps as on Spotify: registration gating, then the operation's scopes, then the route.
 */
export class SpotifyApi implements ProviderApi {
  readonly contentType = 'application/json; charset=utf-8';
  readonly services: SpotifyServices;
  private readonly routes: CompiledRoute[];
  private gating: boolean;
  private readonly rateLimiter: RollingWindowLimiter;

  constructor(store: AccountStore, apiBaseUrl: string, options: { gating?: boolean } = {}) {
    const objects = new SpotifyObjects(store, apiBaseUrl);
    const player = new Player(store);
    this.services = {
      store,
      objects,
      player,
      playerObjects: new PlayerObjects(objects, player),
      apiBaseUrl,
      spoken: new SpokenWorld(store.now),
    };
    this.gating = options.gating ?? true;
    this.rateLimiter = new RollingWindowLimiter(store.now);
    this.routes = [
      user,
      searchRoute(new CatalogSearch(store)),
      ...playerRoutes,
      ...libraryRoutes,
      ...playlistRoutes,
      ...catalogRoutes,
      ...personalRoutes,
      ...spokenRoutes,
      ...closedRoutes,
    ]
      .map((route) => ({ route, ...compilePath(route.path) }))
      .sort(literalFirst);
  }

  setRateLimit(limit: SpotifyRateLimit | undefined): void {
    this.rateLimiter.set(limit);
  }

  /** Switches the 2026 registration restrictions on or off for requests from now on. */
  setGating(on: boolean): void {
    this.gating = on;
  }

  handle(request: ApiRequest): ApiResponse | undefined {
    if (!request.path.startsWith(`${VERSION_PREFIX}/`)) return undefined;
    const limited = this.rateLimiter.take();
    if (limited) return limited;
    const path = request.path.slice(VERSION_PREFIX.length);
    if (this.gating) {
      const gated = gatedAnswer(path);
      if (gated) return gated;
    }
    for (const { route, regex, names } of this.routes) {
      if (route.method !== request.method) continue;
      const found = regex.exec(path);
      if (!found) continue;
      if (!route.scopes.every((scope) => request.grant.scopes.includes(scope))) {
        return spotifyError(403, INSUFFICIENT_SCOPE);
      }
      const params: Record<string, string> = {};
      names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1] ?? '');
      });
      return route.handle({
        request,
        params,
        query: request.query,
        account: this.services.store.account(request.grant.person),
        services: this.services,
      });
    }
    return undefined;
  }

  error(status: number, message: string): ApiResponse {
    return spotifyError(status, message);
  }
}
