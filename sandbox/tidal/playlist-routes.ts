import type { Playlist } from '../accounts/index.js';
import type { ApiRequest, ApiResponse } from '../server/api-types.js';
import { decodeCursor, pageOf } from './paging.js';
import { listParam, tidalError, type TidalContext } from './context.js';
import type { Identifier } from './resources.js';

const MAX_ITEMS_PER_CHANGE = 50;
const MAX_MOVES = 20;

interface ItemRef {
  id: string;
  type: string;
  meta?: { itemId?: string; positionBefore?: string };
}

function asItems(body: unknown, max: number): ItemRef[] | string {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data) || data.length === 0) return 'data must be a non-empty array';
  if (data.length > max) return `At most ${max} items per request`;
  for (const item of data) {
    const ref = item as Partial<ItemRef>;
    if (typeof ref.id !== 'string' || typeof ref.type !== 'string')
      return 'Every item needs an id and a type';
  }
  return data as ItemRef[];
}

function positionBefore(body: unknown): string | undefined {
  const meta = (body as { meta?: { positionBefore?: unknown } } | undefined)?.meta;
  return typeof meta?.positionBefore === 'string' ? meta.positionBefore : undefined;
}

function touch(c: TidalContext, playlist: Playlist): void {
  playlist.revision += 1;
  playlist.updatedAt = new Date(c.store.now()).toISOString();
}

/** `GET /playlists?filter[owners.id]=me`: the person's own playlists, newest first. */
export function listPlaylistsRoute(c: TidalContext, request: ApiRequest): ApiResponse {
  if (!c.hasScope(request, 'playlists.read'))
    return tidalError(403, 'playlists.read scope required');
  const owners = listParam(request.query, 'filter[owners.id]');
  const wanted = listParam(request.query, 'filter[id]');
  if (owners.length === 0 && wanted.length === 0)
    return tidalError(400, 'filter[owners.id] or filter[id] is required', 'VALUE_MISSING');
  if (owners.some((owner) => !c.isSelf(request, owner)))
    return tidalError(403, "Another user's playlists are not available to this app");
  const person = request.grant.person;
  const own = c.store
    .account(person)
    .playlistKeys.map((key) => c.store.playlist(key))
    .filter((p): p is Playlist => p !== undefined && p.ownerKey === person);
  const list =
    wanted.length > 0
      ? wanted
          .flatMap((id) => c.playlistById(id) ?? [])
          .filter((p) => owners.length === 0 || own.includes(p))
      : own;
  const offset = decodeCursor(request.query.get('page[cursor]'));
  if (offset === undefined) return tidalError(400, 'page[cursor] is not valid', 'INVALID_CURSOR');
  const self = `/playlists?filter%5Bowners.id%5D=${owners[0] ?? ''}`;
  const page = pageOf(list, offset, self);
  return {
    status: 200,
    body: {
      data: page.items.map((p) => c.resources.playlist(p, c.ownerId(p.ownerKey))),
      links: page.links,
    },
  };
}

export function createPlaylistRoute(c: TidalContext, request: ApiRequest): ApiResponse {
  if (!c.hasScope(request, 'playlists.write'))
    return tidalError(403, 'playlists.write scope required');
  const data = (request.body as { data?: { type?: unknown; attributes?: Record<string, unknown> } })
    ?.data;
  const attributes = data?.attributes ?? {};
  if (data?.type !== 'playlists') return tidalError(400, 'data.type must be "playlists"');
  if (typeof attributes.name !== 'string' || attributes.name.trim() === '')
    return tidalError(400, 'data.attributes.name is required', 'VALUE_MISSING');
  const playlist = c.store.createPlaylist(request.grant.person, {
    name: attributes.name,
    description: typeof attributes.description === 'string' ? attributes.description : '',
    public: attributes.accessType === 'PUBLIC',
  });
  const resource = c.resources.playlist(playlist, c.userId(request.grant.person));
  return { status: 201, body: { data: resource, links: { self: `/playlists/${resource.id}` } } };
}

/** Finds a playlist or mix by id; mixes are read-only. */
function findPlaylist(c: TidalContext, id: string) {
  const mix = c.mixes.get(id);
  if (mix) return { mix } as const;
  const playlist = c.playlistById(id);
  return playlist ? ({ playlist } as const) : undefined;
}

export function getPlaylistRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const country = c.checkCountry(request);
  if (country) return country;
  const found = findPlaylist(c, id);
  if (!found) return tidalError(404, 'Playlist not found', 'NOT_FOUND');
  const data = found.mix
    ? c.resources.mix(found.mix)
    : c.resources.playlist(found.playlist, c.ownerId(found.playlist.ownerKey));
  return { status: 200, body: { data, links: { self: `/playlists/${id}` } } };
}

/** The playlist the caller owns, or the error to answer. */
function ownPlaylist(c: TidalContext, request: ApiRequest, id: string): Playlist | ApiResponse {
  if (!c.hasScope(request, 'playlists.write'))
    return tidalError(403, 'playlists.write scope required');
  const found = findPlaylist(c, id);
  if (!found) return tidalError(404, 'Playlist not found', 'NOT_FOUND');
  if (found.mix || found.playlist.ownerKey !== request.grant.person)
    return tidalError(403, 'Only the owner can change this playlist', 'FORBIDDEN');
  return found.playlist;
}

export function updatePlaylistRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const playlist = ownPlaylist(c, request, id);
  if ('status' in playlist) return playlist;
  const data = (request.body as { data?: { id?: unknown; attributes?: Record<string, unknown> } })
    ?.data;
  if (data?.id !== id) return tidalError(400, 'data.id must match the playlist id');
  const a = data.attributes ?? {};
  if (a.name !== undefined && (typeof a.name !== 'string' || a.name.trim() === ''))
    return tidalError(400, 'name must not be empty');
  c.store.updatePlaylist(playlist.key, {
    ...(typeof a.name === 'string' ? { name: a.name } : {}),
    ...(typeof a.description === 'string' ? { description: a.description } : {}),
    ...(a.accessType !== undefined ? { public: a.accessType === 'PUBLIC' } : {}),
  });
  const resource = c.resources.playlist(playlist, c.ownerId(playlist.ownerKey));
  return { status: 200, body: { data: resource, links: { self: `/playlists/${id}` } } };
}

export function playlistItemsRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const country = c.checkCountry(request);
  if (country) return country;
  const found = findPlaylist(c, id);
  if (!found) return tidalError(404, 'Playlist not found', 'NOT_FOUND');
  const self = `/playlists/${id}/relationships/items`;
  const offset = decodeCursor(request.query.get('page[cursor]'));
  if (offset === undefined) return tidalError(400, 'page[cursor] is not valid', 'INVALID_CURSOR');
  const { ids } = c.resources;
  const all: Identifier[] = found.mix
    ? found.mix.recordingKeys
        .filter((key) => c.resources.available(key))
        .map((key) => ({ id: ids.id('track', key), type: 'tracks' }))
    : found.playlist.entries
        .filter((entry) => c.resources.available(entry.recordingKey))
        .map((entry) => ({
          id: ids.id('track', entry.recordingKey),
          type: 'tracks',
          meta: { itemId: c.resources.itemId(entry), addedAt: entry.addedAt },
        }));
  const page = pageOf(all, offset, self);
  const included = c.included(request, { items: page.items });
  return {
    status: 200,
    body: { data: page.items, links: page.links, ...(included.length ? { included } : {}) },
  };
}

export function addItemsRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const playlist = ownPlaylist(c, request, id);
  if ('status' in playlist) return playlist;
  const items = asItems(request.body, MAX_ITEMS_PER_CHANGE);
  if (typeof items === 'string') return tidalError(400, items);
  const keys: string[] = [];
  for (const item of items) {
    const key = item.type === 'tracks' ? c.trackKey(item.id) : undefined;
    if (!key) return tidalError(404, `Track ${item.id} not found`, 'NOT_FOUND');
    keys.push(key);
  }
  const before = positionBefore(request.body);
  let position: number | undefined;
  if (before !== undefined) {
    position = playlist.entries.findIndex((entry) => c.resources.itemId(entry) === before);
    if (position < 0) return tidalError(400, `positionBefore ${before} is not in the playlist`);
  }
  c.store.addToPlaylist(playlist.key, request.grant.person, keys, position);
  const start = position ?? playlist.entries.length - keys.length;
  const added = playlist.entries.slice(start, start + keys.length).map((entry, index) => ({
    id: items[index]?.id ?? '',
    type: 'tracks',
    meta: { itemId: c.resources.itemId(entry), addedAt: entry.addedAt },
  }));
  return {
    status: 200,
    body: { data: added, links: { self: `/playlists/${id}/relationships/items` } },
  };
}

export function removeItemsRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const playlist = ownPlaylist(c, request, id);
  if ('status' in playlist) return playlist;
  const items = asItems(request.body, MAX_ITEMS_PER_CHANGE);
  if (typeof items === 'string') return tidalError(400, items);
  const gone = new Set(items.map((item) => item.meta?.itemId));
  if (gone.has(undefined)) return tidalError(400, 'Every item needs meta.itemId');
  const known = new Set(playlist.entries.map((entry) => c.resources.itemId(entry)));
  const unknown = [...gone].find((itemId) => itemId && !known.has(itemId));
  if (unknown) return tidalError(404, `Item ${unknown} is not in the playlist`, 'NOT_FOUND');
  playlist.entries = playlist.entries.filter((entry) => !gone.has(c.resources.itemId(entry)));
  touch(c, playlist);
  return { status: 200, body: { links: { self: `/playlists/${id}/relationships/items` } } };
}

/** Moves the listed items (in the order given) to before `meta.positionBefore`. */
export function moveItemsRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const playlist = ownPlaylist(c, request, id);
  if ('status' in playlist) return playlist;
  const items = asItems(request.body, MAX_MOVES);
  if (typeof items === 'string') return tidalError(400, items);
  const before = positionBefore(request.body);
  if (before === undefined)
    return tidalError(400, 'meta.positionBefore is required', 'VALUE_MISSING');
  const byId = new Map(playlist.entries.map((entry) => [c.resources.itemId(entry), entry]));
  const moving = items.map((item) => byId.get(item.meta?.itemId ?? ''));
  if (moving.some((entry) => entry === undefined))
    return tidalError(404, 'An item is not in the playlist', 'NOT_FOUND');
  const movingSet = new Set(moving);
  const rest = playlist.entries.filter((entry) => !movingSet.has(entry));
  const at = rest.findIndex((entry) => c.resources.itemId(entry) === before);
  if (at < 0) return tidalError(400, `positionBefore ${before} is not a remaining item`);
  rest.splice(at, 0, ...moving.filter((entry) => entry !== undefined));
  playlist.entries = rest;
  touch(c, playlist);
  return { status: 200, body: { links: { self: `/playlists/${id}/relationships/items` } } };
}
