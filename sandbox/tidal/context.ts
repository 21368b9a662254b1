import type { AccountStore, PersonKey } from '../accounts/index.js';
import type { ApiRequest, ApiResponse } from '../server/api-types.js';
import { tidalPlaylistId } from './ids.js';
import { decodeCursor, pageOf } from './paging.js';
import type { Identifier, Mix, Resource, Resources } from './resources.js';

/** TIDAL user ids are numbers; these are the sandbox people's. */
export const USER_IDS: Record<PersonKey, string> = {
  listener: '190000001',
  free: '190000002',
  idle: '190000003',
};

export function tidalError(status: number, detail: string, code?: string): ApiResponse {
  return {
    status,
    body: { errors: [{ status: String(status), ...(code ? { code } : {}), detail }] },
  };
}

/** Comma-separated or repeated query values, as JSON:API clients send arrays. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
}

/** What every TIDAL route handler gets. */
export class TidalContext {
  readonly mixes = new Map<string, Mix>();

  constructor(
    readonly store: AccountStore,
    readonly resources: Resources,
  ) {}

  get catalog() {
    return this.resources.catalog;
  }

  userId(person: PersonKey): string {
    return USER_IDS[person];
  }

  /** `me` or the caller's own id; anything else is someone else's resource. */
  isSelf(request: ApiRequest, id: string): boolean {
    return id === 'me' || id === USER_IDS[request.grant.person];
  }

  hasScope(request: ApiRequest, scope: string): boolean {
    return request.grant.scopes.includes(scope);
  }

  /** 400 when `countryCode` is missing or not ISO 3166-1 alpha-2; TIDAL needs it for catalog data. */
  checkCountry(request: ApiRequest): ApiResponse | undefined {
    const country = request.query.get('countryCode');
    if (country === null) return tidalError(400, 'countryCode is required', 'VALUE_MISSING');
    if (!/^[A-Z]{2}$/.test(country))
      return tidalError(400, `countryCode "${country}" is not a known country`, 'INVALID_ENUM');
    return undefined;
  }

  trackKey(id: string): string | undefined {
    const key = this.resources.ids.key('track', id);
    return key && this.resources.available(key) ? key : undefined;
  }

  /** A resource for an identifier, for `included`. */
  resolve(identifier: Identifier): Resource | undefined {
    const { ids, catalog } = this.resources;
    switch (identifier.type) {
      case 'tracks': {
        const key = this.trackKey(identifier.id);
        return key ? this.resources.track(catalog.recording(key)) : undefined;
      }
      case 'albums': {
        const key = ids.key('album', identifier.id);
        return key ? this.resources.album(catalog.album(key)) : undefined;
      }
      case 'artists': {
        const key = ids.key('artist', identifier.id);
        return key ? this.resources.artist(catalog.artist(key)) : undefined;
      }
      case 'playlists': {
        const mix = this.mixes.get(identifier.id);
        if (mix) return this.resources.mix(mix);
        const playlist = this.playlistById(identifier.id);
        return playlist
          ? this.resources.playlist(playlist, this.ownerId(playlist.ownerKey))
          : undefined;
      }
      default:
        return undefined;
    }
  }

  playlistById(id: string) {
    for (const playlist of this.store.playlists.values())
      if (tidalPlaylistId(playlist.key) === id) return playlist;
    return undefined;
  }

  ownerId(ownerKey: string): string | undefined {
    return Object.hasOwn(USER_IDS, ownerKey) ? USER_IDS[ownerKey as PersonKey] : undefined;
  }

  /**
   * `included` for a document: each top-level name resolves the identifiers the caller lists
   * for it; `name.sub` then follows `sub` from those resources' relationships.
   */
  included(request: ApiRequest, top: Record<string, Identifier[]>): Resource[] {
    const wanted = listParam(request.query, 'include');
    const out = new Map<string, Resource>();
    const byName = new Map<string, Resource[]>();
    for (const name of wanted) {
      const [head, sub] = name.split('.', 2);
      if (!head || !top[head]) continue;
      const first = top[head]
        .map((identifier) => this.resolve(identifier))
        .filter((r): r is Resource => r !== undefined);
      byName.set(head, first);
      for (const resource of first) out.set(`${resource.type}:${resource.id}`, resource);
      if (!sub) continue;
      for (const resource of first) {
        const rel = resource.relationships?.[sub] as { data?: Identifier[] } | undefined;
        for (const identifier of rel?.data ?? []) {
          const related = this.resolve(identifier);
          if (related) out.set(`${related.type}:${related.id}`, related);
        }
      }
    }
    return [...out.values()];
  }

  /** A to-many relationship document, one cursor page of `all`. */
  relationshipPage(
    request: ApiRequest,
    all: Identifier[],
    self: string,
    includeName: string,
  ): ApiResponse {
    const offset = decodeCursor(request.query.get('page[cursor]'));
    if (offset === undefined) return tidalError(400, 'page[cursor] is not valid', 'INVALID_CURSOR');
    const page = pageOf(all, offset, self);
    const included = this.included(request, { [includeName]: page.items });
    return {
      status: 200,
      body: { data: page.items, links: page.links, ...(included.length ? { included } : {}) },
    };
  }
}
