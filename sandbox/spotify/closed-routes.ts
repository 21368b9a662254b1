import type { Playlist } from '../accounts/index.js';
import { MARKETS } from './objects.js';
import { integerQuery, listQuery, pageQuery } from './params.js';
import { shapedPage } from './paging.js';
import { isResponse, spotifyError, type Call, type Route } from './route.js';
import { ownerByUsername } from './uris.js';

/**
 * Endpoints Spotify no longer opens to apps registered in 2026 (see gating.ts). The sandbox
 * still serves them when gating is switched off, for code written against older registrations.
 */

const PAGE_LIMIT = { min: 1, max: 50, default: 20 };
const RECOMMENDATION_LIMIT = { min: 1, max: 100, default: 20 };

export const closedRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/users/{user_id}',
    scopes: [],
    handle: (call) => {
      const owner = ownerByUsername(call.services.store, call.params.user_id ?? '');
      if (!owner) return spotifyError(404, 'Resource not found');
      return { status: 200, body: call.services.objects.publicUser(owner) };
    },
  },
  {
    method: 'GET',
    path: '/users/{user_id}/playlists',
    scopes: ['playlist-read-private', 'playlist-read-collaborative'],
    handle: (call) => {
      const owner = ownerByUsername(call.services.store, call.params.user_id ?? '');
      if (!owner) return spotifyError(404, 'Resource not found');
      const playlists = [...call.services.store.playlists.values()].filter(
        (playlist) => playlist.ownerKey === owner && playlist.public,
      );
      return playlistPage(call, `/users/${call.params.user_id ?? ''}/playlists`, playlists);
    },
  },
  {
    method: 'GET',
    path: '/browse/new-releases',
    scopes: [],
    handle: (call) => {
      const paging = pageQuery(call.query, PAGE_LIMIT);
      if (isResponse(paging)) return paging;
      const { limit, offset } = paging;
      const { store, objects, apiBaseUrl } = call.services;
      const newest = [...store.catalog.albums].sort((a, b) =>
        b.releaseDate.localeCompare(a.releaseDate),
      );
      const url = `${apiBaseUrl}/v1/browse/new-releases`;
      const albums = shapedPage(newest, { url, limit, offset }, (a) => objects.simplifiedAlbum(a));
      return { status: 200, body: { albums } };
    },
  },
  {
    method: 'GET',
    path: '/browse/featured-playlists',
    scopes: [],
    handle: (call) => {
      const curated = [...call.services.store.playlists.values()].filter(
        (playlist) => playlist.ownerKey === 'curator',
      );
      const answer = playlistPage(call, '/browse/featured-playlists', curated);
      if (answer.status !== 200) return answer;
      return { status: 200, body: { message: 'Popular Playlists', playlists: answer.body } };
    },
  },
  {
    method: 'GET',
    path: '/browse/categories',
    scopes: [],
    handle: (call) => {
      const paging = pageQuery(call.query, PAGE_LIMIT);
      if (isResponse(paging)) return paging;
      const { limit, offset } = paging;
      const { store, apiBaseUrl } = call.services;
      const genres = [...new Set(store.catalog.artists.flatMap((artist) => artist.genres))].sort();
      const url = `${apiBaseUrl}/v1/browse/categories`;
      const categories = shapedPage(genres, { url, limit, offset }, (genre) => {
        const id = genre.toLowerCase().replace(/[^a-z0-9]+/g, '-');
        return { href: `${url}/${id}`, icons: [], id, name: genre };
      });
      return { status: 200, body: { categories } };
    },
  },
  {
    method: 'GET',
    path: '/markets',
    scopes: [],
    handle: () => ({ status: 200, body: { markets: MARKETS } }),
  },
  {
    method: 'GET',
    path: '/recommendations',
    scopes: [],
    handle: (call) => {
      const limit = integerQuery(call.query, 'limit', RECOMMENDATION_LIMIT);
      if (isResponse(limit)) return limit;
      const { objects, store } = call.services;
      const seedTracks = listQuery(call.query, 'seed_tracks') ?? [];
      const seedArtists = listQuery(call.query, 'seed_artists') ?? [];
      if (seedTracks.length + seedArtists.length === 0) {
        return spotifyError(400, 'At least one seed is required');
      }
      const artistKeys = new Set<string>();
      for (const id of seedArtists) {
        const key = objects.ids.key('artist', id);
        if (key) artistKeys.add(key);
      }
      for (const id of seedTracks) {
        const key = objects.ids.key('track', id);
        for (const artist of key ? store.catalog.recording(key).artistKeys : []) {
          artistKeys.add(artist);
        }
      }
      const tracks = store.catalog.recordings
        .filter((recording) => recording.artistKeys.some((key) => artistKeys.has(key)))
        .slice(0, limit);
      const seeds = [
        ...seedArtists.map((id) => ({ id, type: 'ARTIST' })),
        ...seedTracks.map((id) => ({ id, type: 'TRACK' })),
      ];
      return {
        status: 200,
        body: { seeds, tracks: tracks.map((recording) => objects.track(recording, undefined)) },
      };
    },
  },
];

function playlistPage(call: Call, path: string, playlists: Playlist[]) {
  const paging = pageQuery(call.query, PAGE_LIMIT);
  if (isResponse(paging)) return paging;
  const { limit, offset } = paging;
  const url = `${call.services.apiBaseUrl}/v1${path}`;
  const page = shapedPage(playlists, { url, limit, offset }, (playlist) =>
    call.services.objects.simplifiedPlaylist(playlist),
  );
  return { status: 200, body: page };
}
