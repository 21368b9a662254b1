import type { LibraryItem } from '../accounts/index.js';
import type { ApiResponse } from '../server/api-types.js';
import { integerQuery, listQuery, pageQuery } from './params.js';
import { cursorPage, shapedPage } from './paging.js';
import { isResponse, requireScope, spotifyError, type Call, type Route } from './route.js';
import type { SpokenKind } from './spoken.js';
import { ownerByUsername, parseUri } from './uris.js';

const PAGE_LIMIT = { min: 1, max: 50, default: 20 };
/** `/me/library` takes at most 40 URIs per request. */
const MAX_LIBRARY_URIS = 40;

/** Which scope each URI type needs, for saving and for checking (from the spec's lists). */
const MODIFY_SCOPE: Record<string, string> = {
  track: 'user-library-modify',
  album: 'user-library-modify',
  episode: 'user-library-modify',
  show: 'user-library-modify',
  audiobook: 'user-library-modify',
  user: 'user-follow-modify',
  playlist: 'playlist-modify-public',
};
const READ_SCOPE: Record<string, string> = {
  track: 'user-library-read',
  album: 'user-library-read',
  episode: 'user-library-read',
  show: 'user-library-read',
  audiobook: 'user-library-read',
  artist: 'user-follow-read',
  user: 'user-follow-read',
  playlist: 'playlist-read-private',
};

/**
 * The spec documents `/me/library`'s 400 body as a bare ErrorObject while every other error
 * (and the live API) wraps it in `error`; the sandbox sends both, so clients reading either work.
 */
function libraryBadRequest(message: string): ApiResponse {
  const error = { status: 400, message };
  return { status: 400, body: { error, ...error } };
}

export const libraryRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/me/tracks',
    scopes: ['user-library-read'],
    handle: (call) => {
      const market = call.query.get('market') ?? undefined;
      const { objects } = call.services;
      return paged(call, '/me/tracks', call.account.savedTracks, (entry) => ({
        added_at: entry.addedAt,
        track: objects.trackByKey(entry.recordingKey, market),
      }));
    },
  },
  {
    method: 'GET',
    path: '/me/albums',
    scopes: ['user-library-read'],
    handle: (call) => {
      const market = call.query.get('market') ?? undefined;
      const { objects, store } = call.services;
      return paged(call, '/me/albums', call.account.savedAlbums, (entry) => ({
        added_at: entry.addedAt,
        album: objects.album(store.catalog.album(entry.albumKey), market),
      }));
    },
  },
  {
    method: 'GET',
    path: '/me/following',
    scopes: ['user-follow-read'],
    handle: followedArtists,
  },
  {
    method: 'PUT',
    path: '/me/library',
    scopes: [],
    handle: (call) =>
      changeLibrary(
        call,
        (item) => call.services.store.save(call.account.person.key, item),
        (kind, key) => call.services.spoken.save(call.account.person.key, kind, key),
      ),
  },
  {
    method: 'DELETE',
    path: '/me/library',
    scopes: [],
    handle: (call) =>
      changeLibrary(
        call,
        (item) => call.services.store.unsave(call.account.person.key, item),
        (kind, key) => call.services.spoken.unsave(call.account.person.key, kind, key),
      ),
  },
  {
    method: 'GET',
    path: '/me/library/contains',
    scopes: [],
    handle: (call) => {
      const uris = listQuery(call.query, 'uris');
      if (!uris?.length) return libraryBadRequest('Missing required parameter: uris');
      if (uris.length > MAX_LIBRARY_URIS) return libraryBadRequest('Too many ids requested');
      const person = call.account.person.key;
      const items: Array<LibraryItem | (() => boolean) | undefined> = [];
      for (const uri of uris) {
        const parsed = parseUri(uri);
        const scope = parsed ? READ_SCOPE[parsed.type] : undefined;
        if (!scope) return libraryBadRequest(`Unsupported URI: ${uri}`);
        const refused = requireScope(call, scope);
        if (refused) return refused;
        const spoken = spokenItem(call, uri);
        items.push(
          spoken
            ? () => call.services.spoken.has(person, spoken.kind, spoken.key)
            : libraryItem(call, uri),
        );
      }
      return {
        status: 200,
        body: items.map((item) =>
          typeof item === 'function'
            ? item()
            : item
              ? call.services.store.has(person, item)
              : false,
        ),
      };
    },
  },
  containsById('/me/tracks/contains', 'track', ['user-library-read']),
  containsById('/me/albums/contains', 'album', ['user-library-read']),
  {
    method: 'GET',
    path: '/me/following/contains',
    scopes: ['user-follow-read'],
    handle: (call) => {
      const type = call.query.get('type');
      if (type !== 'artist' && type !== 'user') return spotifyError(400, 'Invalid type');
      return containsAnswer(call, type);
    },
  },
];

function paged<T>(
  call: Call,
  path: string,
  all: readonly T[],
  shape: (entry: T) => unknown,
): ApiResponse {
  const paging = pageQuery(call.query, PAGE_LIMIT);
  if (isResponse(paging)) return paging;
  const { limit, offset } = paging;
  const page = shapedPage(
    all,
    {
      url: `${call.services.apiBaseUrl}/v1${path}`,
      limit,
      offset,
      extra: { market: call.query.get('market') ?? undefined },
    },
    shape,
  );
  return { status: 200, body: page };
}

/** Cursor-paged by artist id, as Spotify pages followed artists. */
function followedArtists(call: Call): ApiResponse {
  if (call.query.get('type') !== 'artist') return spotifyError(400, 'Invalid type');
  const limit = integerQuery(call.query, 'limit', PAGE_LIMIT);
  if (isResponse(limit)) return limit;
  const { objects, store, apiBaseUrl } = call.services;
  const ids = call.account.followedArtists.map((entry) =>
    objects.ids.add('artist', entry.artistKey),
  );
  const after = call.query.get('after');
  const start = after === null ? 0 : ids.indexOf(after) + 1;
  if (after !== null && start === 0) return spotifyError(400, 'Invalid after cursor');
  const slice = call.account.followedArtists.slice(start, start + limit);
  const lastId = ids[start + slice.length - 1];
  const more = start + slice.length < ids.length;
  const url = `${apiBaseUrl}/v1/me/following`;
  return {
    status: 200,
    body: {
      artists: cursorPage(
        slice.map((entry) => objects.artist(store.catalog.artist(entry.artistKey))),
        {
          href: `${url}?${call.query.toString()}`,
          limit,
          total: ids.length,
          next: more && lastId ? `${url}?type=artist&after=${lastId}&limit=${limit}` : undefined,
          after: more ? lastId : undefined,
        },
      ),
    },
  };
}

/** Validates every URI and its scope first, so a request changes all of them or none. */
function changeLibrary(
  call: Call,
  change: (item: LibraryItem) => void,
  changeSpoken: (kind: SpokenKind, key: string) => void,
): ApiResponse {
  const uris = listQuery(call.query, 'uris');
  if (!uris?.length) return libraryBadRequest('Missing required parameter: uris');
  if (uris.length > MAX_LIBRARY_URIS) return libraryBadRequest('Too many ids requested');
  const changes: Array<() => void> = [];
  for (const uri of uris) {
    const parsed = parseUri(uri);
    const scope = parsed ? MODIFY_SCOPE[parsed.type] : undefined;
    if (!scope) return libraryBadRequest(`Unsupported URI: ${uri}`);
    const refused = requireScope(call, scope);
    if (refused) return refused;
    const spoken = spokenItem(call, uri);
    const item = spoken ? undefined : libraryItem(call, uri);
    if (spoken) changes.push(() => changeSpoken(spoken.kind, spoken.key));
    else if (item) changes.push(() => change(item));
    else return libraryBadRequest(`Invalid id: ${uri}`);
  }
  for (const apply of changes) apply();
  return { status: 200 };
}

/** An episode, show or audiobook the sandbox has, named by its URI. */
function spokenItem(call: Call, uri: string): { kind: SpokenKind; key: string } | undefined {
  const parsed = parseUri(uri);
  if (parsed?.type !== 'episode' && parsed?.type !== 'show' && parsed?.type !== 'audiobook')
    return undefined;
  const key = call.services.spoken.keyOf(parsed.type, parsed.id);
  return key === undefined ? undefined : { kind: parsed.type, key };
}

function libraryItem(call: Call, uri: string): LibraryItem | undefined {
  const parsed = parseUri(uri);
  if (!parsed) return undefined;
  const { objects, store } = call.services;
  switch (parsed.type) {
    case 'track':
    case 'album':
    case 'artist':
    case 'playlist': {
      const key = objects.ids.key(parsed.type, parsed.id);
      return key ? { kind: parsed.type, key } : undefined;
    }
    case 'user':
      return ownerByUsername(store, parsed.id) ? { kind: 'user', key: parsed.id } : undefined;
    default:
      // Episodes, shows and audiobooks: spokenItem.
      return undefined;
  }
}

function containsById(path: string, kind: 'track' | 'album', scopes: string[]): Route {
  return { method: 'GET', path, scopes, handle: (call) => containsAnswer(call, kind) };
}

function containsAnswer(call: Call, kind: 'track' | 'album' | 'artist' | 'user'): ApiResponse {
  const ids = listQuery(call.query, 'ids');
  if (!ids?.length) return spotifyError(400, 'Missing required parameter: ids');
  if (ids.length > 50) return spotifyError(400, 'Too many ids requested');
  const { objects, store } = call.services;
  const person = call.account.person.key;
  return {
    status: 200,
    body: ids.map((id) => {
      const key =
        kind === 'user' ? (ownerByUsername(store, id) ? id : undefined) : objects.ids.key(kind, id);
      return key ? store.has(person, { kind, key }) : false;
    }),
  };
}
