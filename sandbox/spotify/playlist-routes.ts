import type { Playlist } from '../accounts/index.js';
import type { ApiResponse } from '../server/api-types.js';
import { bodyObject, integerQuery, listQuery, pageQuery } from './params.js';
import { shapedPage } from './paging.js';
import { isResponse, requireScope, spotifyError, type Call, type Route } from './route.js';
import { keyOfUri } from './uris.js';

const PAGE_LIMIT = { min: 1, max: 50, default: 20 };
/** Add, replace and remove each take at most 100 items per request. */
const MAX_ITEMS = 100;
const MODIFY = ['playlist-modify-public', 'playlist-modify-private'] as const;

export const playlistRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/me/playlists',
    scopes: ['playlist-read-private'],
    handle: (call) => {
      const paging = pageQuery(call.query, PAGE_LIMIT);
      if (isResponse(paging)) return paging;
      const { limit, offset } = paging;
      const { store, objects, apiBaseUrl } = call.services;
      const playlists = call.account.playlistKeys
        .map((key) => store.playlist(key))
        .filter((playlist): playlist is Playlist => playlist !== undefined);
      const page = shapedPage(
        playlists,
        { url: `${apiBaseUrl}/v1/me/playlists`, limit, offset },
        (p) => objects.simplifiedPlaylist(p),
      );
      return { status: 200, body: page };
    },
  },
  {
    method: 'POST',
    path: '/me/playlists',
    // Checked in the handler: which one depends on whether the new playlist is public.
    scopes: [],
    handle: (call) => {
      const body = bodyObject(call.request.body);
      if (typeof body.name !== 'string' || body.name.trim() === '') {
        return spotifyError(400, 'Missing required field: name');
      }
      const isPublic = typeof body.public === 'boolean' ? body.public : true;
      const collaborative = body.collaborative === true;
      if (collaborative && isPublic) {
        return spotifyError(400, 'Collaborative playlists can only be private.');
      }
      const refused = requireScope(call, isPublic ? MODIFY[0] : MODIFY[1]);
      if (refused) return refused;
      const playlist = call.services.store.createPlaylist(call.account.person.key, {
        name: body.name,
        description: typeof body.description === 'string' ? body.description : undefined,
        public: isPublic,
        collaborative,
      });
      return { status: 201, body: call.services.objects.playlist(playlist, undefined) };
    },
  },
  {
    method: 'GET',
    path: '/playlists/{playlist_id}',
    scopes: [],
    handle: (call) =>
      withPlaylist(call, (playlist) => ({
        status: 200,
        body: call.services.objects.playlist(playlist, call.query.get('market') ?? undefined),
      })),
  },
  {
    method: 'PUT',
    path: '/playlists/{playlist_id}',
    scopes: [],
    handle: (call) =>
      withModifiablePlaylist(call, 'details', (playlist, body) => {
        const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
        const flag = (value: unknown) => (typeof value === 'boolean' ? value : undefined);
        const name = text(body.name);
        if (name !== undefined && name.trim() === '') return spotifyError(400, 'Invalid name');
        const becomesPublic = flag(body.public) ?? playlist.public;
        if ((flag(body.collaborative) ?? playlist.collaborative) && becomesPublic) {
          return spotifyError(400, 'Collaborative playlists can only be private.');
        }
        call.services.store.updatePlaylist(playlist.key, {
          name,
          description: text(body.description),
          public: flag(body.public),
          collaborative: flag(body.collaborative),
        });
        return { status: 200 };
      }),
  },
  {
    method: 'GET',
    path: '/playlists/{playlist_id}/items',
    scopes: ['playlist-read-private'],
    handle: (call) =>
      withPlaylist(call, (playlist) => {
        const paging = pageQuery(call.query, PAGE_LIMIT);
        if (isResponse(paging)) return paging;
        const { limit, offset } = paging;
        const { objects, apiBaseUrl } = call.services;
        const market = call.query.get('market') ?? undefined;
        const id = call.params.playlist_id ?? '';
        const page = shapedPage(
          playlist.entries,
          { url: `${apiBaseUrl}/v1/playlists/${id}/items`, limit, offset, extra: { market } },
          (entry) => objects.playlistItem(entry, market),
        );
        return { status: 200, body: page };
      }),
  },
  {
    method: 'POST',
    path: '/playlists/{playlist_id}/items',
    scopes: [],
    handle: (call) =>
      withModifiablePlaylist(call, 'items', (playlist, body) => {
        // As documented: URIs in the query string win over ones in the body.
        const keys = trackKeys(call, listQuery(call.query, 'uris') ?? body.uris);
        if (isResponse(keys)) return keys;
        const rawPosition = call.query.has('position')
          ? integerQuery(call.query, 'position', { min: 0, max: MAX_SAFE, default: 0 })
          : body.position;
        if (isResponse(rawPosition)) return rawPosition;
        let position: number | undefined;
        if (rawPosition !== undefined) {
          if (!isIndex(rawPosition, playlist.entries.length)) {
            return spotifyError(400, 'Index out of bounds');
          }
          position = rawPosition;
        }
        call.services.store.addToPlaylist(playlist.key, call.account.person.key, keys, position);
        return snapshot(call, playlist, 201);
      }),
  },
  {
    method: 'PUT',
    path: '/playlists/{playlist_id}/items',
    scopes: [],
    handle: (call) =>
      withModifiablePlaylist(call, 'items', (playlist, body) => {
        const uris = listQuery(call.query, 'uris') ?? body.uris;
        if (uris !== undefined) {
          const keys = trackKeys(call, uris);
          if (isResponse(keys)) return keys;
          const by = call.account.person.key;
          call.services.store.replacePlaylistItems(playlist.key, by, keys);
          return snapshot(call, playlist, 200);
        }
        return reorder(call, playlist, body);
      }),
  },
  {
    method: 'DELETE',
    path: '/playlists/{playlist_id}/items',
    scopes: [],
    handle: (call) =>
      withModifiablePlaylist(call, 'items', (playlist, body) => {
        if (!Array.isArray(body.items)) return spotifyError(400, 'Missing required field: items');
        const uris = body.items.map((item) => bodyObject(item).uri);
        const keys = trackKeys(call, uris);
        if (isResponse(keys)) return keys;
        const stale = checkSnapshot(call, playlist, body.snapshot_id);
        if (stale) return stale;
        call.services.store.removeFromPlaylist(playlist.key, keys);
        return snapshot(call, playlist, 200);
      }),
  },
];

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function withPlaylist(call: Call, then: (playlist: Playlist) => ApiResponse): ApiResponse {
  const id = call.params.playlist_id ?? '';
  const key = call.services.objects.ids.key('playlist', id);
  const playlist = key ? call.services.store.playlist(key) : undefined;
  return playlist ? then(playlist) : spotifyError(404, 'Resource not found');
}

/** A playlist the caller may change, with the request's JSON body; else the refusal. */
function withModifiablePlaylist(
  call: Call,
  what: 'details' | 'items',
  then: (playlist: Playlist, body: Record<string, unknown>) => ApiResponse,
): ApiResponse {
  return withPlaylist(
    call,
    (playlist) => mayModify(call, playlist, what) ?? then(playlist, bodyObject(call.request.body)),
  );
}

/**
 * The scope that fits the playlist (public or private), then ownership: only the owner changes
 * details; collaborators may change a collaborative playlist's items.
 */
function mayModify(
  call: Call,
  playlist: Playlist,
  what: 'details' | 'items',
): ApiResponse | undefined {
  const refused = requireScope(call, playlist.public ? MODIFY[0] : MODIFY[1]);
  if (refused) return refused;
  const owner = playlist.ownerKey === call.account.person.key;
  if (owner || (what === 'items' && playlist.collaborative)) return undefined;
  return spotifyError(403, "You cannot change a playlist you don't own.");
}

/** Track URIs (at most 100) as catalog keys; a 400 for anything else. */
function trackKeys(call: Call, uris: unknown): string[] | ApiResponse {
  if (!Array.isArray(uris) || uris.length === 0) {
    return spotifyError(400, 'Missing required field: uris');
  }
  if (uris.length > MAX_ITEMS) {
    return spotifyError(400, `You can add a maximum of ${MAX_ITEMS} tracks per request.`);
  }
  const keys: string[] = [];
  for (const uri of uris) {
    const key = typeof uri === 'string' ? keyOfUri(call.services.objects, uri, 'track') : undefined;
    if (!key) return spotifyError(400, `Invalid track uri: ${String(uri)}`);
    keys.push(key);
  }
  return keys;
}

function reorder(call: Call, playlist: Playlist, body: Record<string, unknown>): ApiResponse {
  const length = playlist.entries.length;
  const { range_start: start, insert_before: before } = body;
  const rangeLength = body.range_length ?? 1;
  if (!isIndex(start, length - 1) || !isIndex(before, length)) {
    return spotifyError(400, 'Index out of bounds');
  }
  if (typeof rangeLength !== 'number' || !Number.isInteger(rangeLength) || rangeLength < 1) {
    return spotifyError(400, 'Invalid range_length');
  }
  if (start + rangeLength > length) return spotifyError(400, 'Index out of bounds');
  const stale = checkSnapshot(call, playlist, body.snapshot_id);
  if (stale) return stale;
  call.services.store.reorderPlaylist(playlist.key, start, rangeLength, before);
  return snapshot(call, playlist, 200);
}

/** A snapshot id must be one this playlist has had; older ones are accepted, as documented. */
function checkSnapshot(
  call: Call,
  playlist: Playlist,
  snapshotId: unknown,
): ApiResponse | undefined {
  if (snapshotId === undefined) return undefined;
  const revision =
    typeof snapshotId === 'string'
      ? call.services.objects.snapshotRevision(playlist, snapshotId)
      : undefined;
  return revision !== undefined && revision <= playlist.revision
    ? undefined
    : spotifyError(400, 'Invalid snapshot id');
}

function snapshot(call: Call, playlist: Playlist, status: 200 | 201): ApiResponse {
  return { status, body: { snapshot_id: call.services.objects.snapshotId(playlist) } };
}

function isIndex(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}
