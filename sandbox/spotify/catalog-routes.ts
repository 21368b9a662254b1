import type { Album } from '../catalog/index.js';
import type { ApiResponse } from '../server/api-types.js';
import type { SpotifyKind } from './ids.js';
import { listQuery, pageQuery } from './params.js';
import { shapedPage } from './paging.js';
import { isResponse, spotifyError, type Call, type Route } from './route.js';

const PAGE_LIMIT = { min: 1, max: 50, default: 20 };
/** The spec allows 0–10 (default 5) for an artist's albums since the 2026 changes. */
const ARTIST_ALBUMS_LIMIT = { min: 0, max: 10, default: 5 };
const ALBUM_GROUPS = ['album', 'single', 'appears_on', 'compilation'];
/** Batch endpoints' documented maximums. */
const MAX_IDS: Record<'track' | 'album' | 'artist', number> = { track: 50, album: 20, artist: 50 };

export const catalogRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/tracks/{id}',
    scopes: [],
    handle: (call) =>
      withKey(call, 'track', (key) => ({
        status: 200,
        body: call.services.objects.trackByKey(key, call.query.get('market') ?? undefined),
      })),
  },
  {
    method: 'GET',
    path: '/albums/{id}',
    scopes: [],
    handle: (call) =>
      withKey(call, 'album', (key) => ({
        status: 200,
        body: call.services.objects.album(
          call.services.store.catalog.album(key),
          call.query.get('market') ?? undefined,
        ),
      })),
  },
  {
    method: 'GET',
    path: '/albums/{id}/tracks',
    scopes: [],
    handle: (call) =>
      withKey(call, 'album', (key) => {
        const paging = pageQuery(call.query, PAGE_LIMIT);
        if (isResponse(paging)) return paging;
        const { limit, offset } = paging;
        const { store, objects, apiBaseUrl } = call.services;
        const market = call.query.get('market') ?? undefined;
        const url = `${apiBaseUrl}/v1/albums/${call.params.id ?? ''}/tracks`;
        const page = shapedPage(
          store.catalog.album(key).recordingKeys,
          { url, limit, offset, extra: { market } },
          (recordingKey) => objects.simplifiedTrack(store.catalog.recording(recordingKey), market),
        );
        return { status: 200, body: page };
      }),
  },
  {
    method: 'GET',
    path: '/artists/{id}',
    scopes: [],
    handle: (call) =>
      withKey(call, 'artist', (key) => ({
        status: 200,
        body: call.services.objects.artist(call.services.store.catalog.artist(key)),
      })),
  },
  {
    method: 'GET',
    path: '/artists/{id}/albums',
    scopes: [],
    handle: (call) => withKey(call, 'artist', (key) => artistAlbums(call, key)),
  },
  // Closed to new apps by default (see gating.ts); served when gating is off.
  batch('/tracks', 'track'),
  batch('/albums', 'album'),
  batch('/artists', 'artist'),
  {
    method: 'GET',
    path: '/artists/{id}/top-tracks',
    scopes: [],
    handle: (call) =>
      withKey(call, 'artist', (key) => {
        const { store, objects } = call.services;
        const market = call.query.get('market') ?? undefined;
        const top = store.catalog.recordings
          .filter((recording) => recording.artistKeys.includes(key))
          .sort((a, b) => b.popularity - a.popularity)
          .slice(0, 10);
        return { status: 200, body: { tracks: top.map((r) => objects.track(r, market)) } };
      }),
  },
];

function withKey(call: Call, kind: SpotifyKind, then: (key: string) => ApiResponse): ApiResponse {
  const key = call.services.objects.ids.key(kind, call.params.id ?? '');
  return key ? then(key) : spotifyError(404, 'Resource not found');
}

/** `/tracks?ids=…` and friends: one object per id, in order; unknown ids give 400. */
function batch(path: string, kind: 'track' | 'album' | 'artist'): Route {
  return {
    method: 'GET',
    path,
    scopes: [],
    handle: (call) => {
      const ids = listQuery(call.query, 'ids');
      if (!ids?.length) return spotifyError(400, 'Missing required parameter: ids');
      if (ids.length > MAX_IDS[kind]) return spotifyError(400, 'Too many ids requested');
      const { objects, store } = call.services;
      const market = call.query.get('market') ?? undefined;
      const shaped: unknown[] = [];
      for (const id of ids) {
        const key = objects.ids.key(kind, id);
        if (!key) return spotifyError(400, `Invalid base62 id: ${id}`);
        if (kind === 'track') shaped.push(objects.trackByKey(key, market));
        else if (kind === 'album') shaped.push(objects.album(store.catalog.album(key), market));
        else shaped.push(objects.artist(store.catalog.artist(key)));
      }
      return { status: 200, body: { [`${kind}s`]: shaped } };
    },
  };
}

function artistAlbums(call: Call, artistKey: string): ApiResponse {
  const paging = pageQuery(call.query, ARTIST_ALBUMS_LIMIT);
  if (isResponse(paging)) return paging;
  const { limit, offset } = paging;
  const groups = listQuery(call.query, 'include_groups') ?? ALBUM_GROUPS;
  if (groups.some((group) => !ALBUM_GROUPS.includes(group))) {
    return spotifyError(400, 'Invalid include_groups');
  }
  const { store, objects, apiBaseUrl } = call.services;
  const { catalog } = store;
  const grouped: Array<[Album, string]> = [];
  for (const album of catalog.albums) {
    if (album.artistKeys.includes(artistKey)) {
      grouped.push([album, album.kind === 'album' ? 'album' : 'single']);
    } else if (
      album.recordingKeys.some((key) => catalog.recording(key).artistKeys.includes(artistKey))
    ) {
      grouped.push([album, 'appears_on']);
    }
  }
  const wanted = grouped.filter(([, group]) => groups.includes(group));
  const page = shapedPage(
    wanted,
    {
      url: `${apiBaseUrl}/v1/artists/${call.params.id ?? ''}/albums`,
      limit,
      offset,
      extra: { include_groups: call.query.get('include_groups') ?? undefined },
    },
    ([album, group]) => ({ ...objects.simplifiedAlbum(album), album_group: group }),
  );
  return { status: 200, body: page };
}
