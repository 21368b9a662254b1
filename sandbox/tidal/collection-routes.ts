import type { Account, LibraryItem } from '../accounts/index.js';
import type { ApiRequest, ApiResponse } from '../server/api-types.js';
import { tidalPlaylistId } from './ids.js';
import { tidalError, type TidalContext } from './context.js';
import type { Identifier } from './resources.js';

export const COLLECTION_KINDS = ['tracks', 'albums', 'artists', 'playlists'] as const;
export type CollectionKind = (typeof COLLECTION_KINDS)[number];

const LIBRARY_KIND: Record<CollectionKind, LibraryItem['kind']> = {
  tracks: 'track',
  albums: 'album',
  artists: 'artist',
  playlists: 'playlist',
};
const MAX_PER_CHANGE = 50;

function entries(c: TidalContext, account: Account, kind: CollectionKind): Identifier[] {
  const { ids } = c.resources;
  switch (kind) {
    case 'tracks':
      return account.savedTracks
        .filter((e) => c.resources.available(e.recordingKey))
        .map((e) => ({
          id: ids.id('track', e.recordingKey),
          type: 'tracks',
          meta: { addedAt: e.addedAt },
        }));
    case 'albums':
      return account.savedAlbums.map((e) => ({
        id: ids.id('album', e.albumKey),
        type: 'albums',
        meta: { addedAt: e.addedAt },
      }));
    case 'artists':
      return account.followedArtists.map((e) => ({
        id: ids.id('artist', e.artistKey),
        type: 'artists',
        meta: { addedAt: e.addedAt },
      }));
    case 'playlists':
      return account.playlistKeys.map((key) => ({
        id: tidalPlaylistId(key),
        type: 'playlists',
        meta: { addedAt: c.store.playlist(key)?.createdAt ?? '2025-01-01T00:00:00Z' },
      }));
  }
}

/** The catalog or playlist key behind a TIDAL id of this kind. */
function keyFor(c: TidalContext, kind: CollectionKind, id: string): string | undefined {
  switch (kind) {
    case 'tracks':
      return c.trackKey(id);
    case 'albums':
      return c.resources.ids.key('album', id);
    case 'artists':
      return c.resources.ids.key('artist', id);
    case 'playlists':
      return c.playlistById(id)?.key;
  }
}

export function collectionRoute(
  c: TidalContext,
  request: ApiRequest,
  userId: string,
  kind: CollectionKind,
): ApiResponse {
  const write = request.method !== 'GET';
  const scope = write ? 'collection.write' : 'collection.read';
  if (!c.hasScope(request, scope)) return tidalError(403, `${scope} scope required`);
  if (!c.isSelf(request, userId)) return tidalError(403, "Another user's collection is private");
  const person = request.grant.person;
  const self = `/userCollections/${userId}/relationships/${kind}`;
  if (!write)
    return c.relationshipPage(request, entries(c, c.store.account(person), kind), self, kind);

  const data = (request.body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data) || data.length === 0)
    return tidalError(400, 'data must be a non-empty array');
  if (data.length > MAX_PER_CHANGE)
    return tidalError(400, `At most ${MAX_PER_CHANGE} items per request`);
  const keys: string[] = [];
  for (const item of data as Array<Partial<Identifier>>) {
    if (item.type !== kind || typeof item.id !== 'string')
      return tidalError(400, `Every item needs an id and type "${kind}"`);
    const key = keyFor(c, kind, item.id);
    if (!key) return tidalError(404, `${kind} ${item.id} not found`, 'NOT_FOUND');
    keys.push(key);
  }
  for (const key of keys) {
    const item = { kind: LIBRARY_KIND[kind], key };
    if (request.method === 'POST') c.store.save(person, item);
    else c.store.unsave(person, item);
  }
  return { status: 200, body: { links: { self } } };
}
