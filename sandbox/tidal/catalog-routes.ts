import type { Recording } from '../catalog/index.js';
import { CatalogSearch } from '../search/catalog-search.js';
import type { ApiRequest, ApiResponse } from '../server/api-types.js';
import { randomUUID } from 'node:crypto';
import { tidalMixId, tidalPlaylistId } from './ids.js';
import { listParam, tidalError, type TidalContext } from './context.js';
import type { Identifier, Mix } from './resources.js';

/** Search returns at most this many of each kind. */
const SEARCH_LIMIT = 20;
const RADIO_LENGTH = 30;

const trackIds = (c: TidalContext, recordings: readonly Recording[]): Identifier[] =>
  recordings
    .filter((r) => c.resources.available(r.key))
    .map((r) => ({ id: c.resources.ids.id('track', r.key), type: 'tracks' }));

export function searchRoute(c: TidalContext, request: ApiRequest): ApiResponse {
  if (!c.hasScope(request, 'search.read')) return tidalError(403, 'search.read scope required');
  const text = request.query.get('filter[query]');
  if (!text) return tidalError(400, 'filter[query] is required', 'VALUE_MISSING');
  if (text.length > 256) return tidalError(400, 'filter[query] is longer than 256 characters');
  const country = c.checkCountry(request);
  if (country) return country;
  const search = new CatalogSearch(c.store);
  const parsed = { text, filters: {} };
  const { ids } = c.resources;
  const tracks = trackIds(c, search.tracks(parsed)).slice(0, SEARCH_LIMIT);
  const albums = search
    .albums(parsed)
    .slice(0, SEARCH_LIMIT)
    .map((a) => ({ id: ids.id('album', a.key), type: 'albums' }));
  const artists = search
    .artists(parsed)
    .slice(0, SEARCH_LIMIT)
    .map((a) => ({ id: ids.id('artist', a.key), type: 'artists' }));
  const playlists = search
    .playlists(parsed)
    .slice(0, SEARCH_LIMIT)
    .map((p) => ({ id: tidalPlaylistId(p.key), type: 'playlists' }));
  const topHits = [...tracks.slice(0, 2), ...artists.slice(0, 1), ...albums.slice(0, 1)];
  const base = `/searchResults/${encodeURIComponent(text)}/relationships`;
  const rel = (name: string, data: Identifier[]) => ({ data, links: { self: `${base}/${name}` } });
  const included = c.included(request, { tracks, albums, artists, playlists, topHits });
  return {
    status: 200,
    body: {
      data: [
        {
          id: text,
          type: 'searchResults',
          attributes: { query: text, trackingId: randomUUID() },
          relationships: {
            tracks: rel('tracks', tracks),
            albums: rel('albums', albums),
            artists: rel('artists', artists),
            playlists: rel('playlists', playlists),
            videos: rel('videos', []),
            topHits: rel('topHits', topHits),
          },
        },
      ],
      ...(included.length ? { included } : {}),
      links: { self: `/searchResults?filter%5Bquery%5D=${encodeURIComponent(text)}` },
    },
  };
}

/** `GET /tracks?filter[isrc]=…` or `filter[id]=…`: the lookup copying between services uses. */
export function tracksRoute(c: TidalContext, request: ApiRequest): ApiResponse {
  const country = c.checkCountry(request);
  if (country) return country;
  const isrcs = listParam(request.query, 'filter[isrc]').map((isrc) => isrc.toUpperCase());
  const wantedIds = listParam(request.query, 'filter[id]');
  if (isrcs.length === 0 && wantedIds.length === 0)
    return tidalError(400, 'A filter (filter[id] or filter[isrc]) is required', 'VALUE_MISSING');
  if (isrcs.length + wantedIds.length > 20)
    return tidalError(400, 'At most 20 filter values per request', 'TOO_MANY_VALUES');
  const isrcSet = new Set(isrcs);
  const data: Identifier[] = [];
  for (const id of wantedIds) if (c.trackKey(id)) data.push({ id, type: 'tracks' });
  if (isrcSet.size > 0) {
    for (const recording of c.catalog.recordings) {
      if (c.resources.available(recording.key) && isrcSet.has(c.resources.isrc(recording)))
        data.push({ id: c.resources.ids.id('track', recording.key), type: 'tracks' });
    }
  }
  const resources = data.map((identifier) => c.resolve(identifier)).filter((r) => r !== undefined);
  const included = c.included(request, relatedOf(resources));
  return {
    status: 200,
    body: {
      data: resources,
      ...(included.length ? { included } : {}),
      links: { self: '/tracks' },
    },
  };
}

/** For a primary track list: `include=albums,artists` follows each track's relationships. */
function relatedOf(resources: readonly { relationships?: Record<string, unknown> }[]) {
  const out: Record<string, Identifier[]> = { albums: [], artists: [] };
  for (const resource of resources) {
    for (const name of ['albums', 'artists'] as const) {
      const rel = resource.relationships?.[name] as { data?: Identifier[] } | undefined;
      out[name]?.push(...(rel?.data ?? []));
    }
  }
  return out;
}

export function trackRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const country = c.checkCountry(request);
  if (country) return country;
  const key = c.trackKey(id);
  if (!key) return tidalError(404, 'Track not found', 'NOT_FOUND');
  const track = c.resources.track(c.catalog.recording(key));
  const included = c.included(request, relatedOf([track]));
  return {
    status: 200,
    body: {
      data: track,
      ...(included.length ? { included } : {}),
      links: { self: `/tracks/${id}` },
    },
  };
}

export function albumRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const country = c.checkCountry(request);
  if (country) return country;
  const key = c.resources.ids.key('album', id);
  if (!key) return tidalError(404, 'Album not found', 'NOT_FOUND');
  const album = c.catalog.album(key);
  const withItems = listParam(request.query, 'include').some((n) => n.split('.')[0] === 'items');
  const resource = c.resources.album(album, withItems);
  const included = c.included(request, {
    artists: album.artistKeys.map((k) => ({
      id: c.resources.ids.id('artist', k),
      type: 'artists',
    })),
    items: c.resources.albumItems(album),
  });
  return {
    status: 200,
    body: {
      data: resource,
      ...(included.length ? { included } : {}),
      links: { self: `/albums/${id}` },
    },
  };
}

export function albumItemsRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const country = c.checkCountry(request);
  if (country) return country;
  const key = c.resources.ids.key('album', id);
  if (!key) return tidalError(404, 'Album not found', 'NOT_FOUND');
  const items = c.resources.albumItems(c.catalog.album(key));
  return c.relationshipPage(request, items, `/albums/${id}/relationships/items`, 'items');
}

export function artistRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const country = c.checkCountry(request);
  if (country) return country;
  const key = c.resources.ids.key('artist', id);
  if (!key) return tidalError(404, 'Artist not found', 'NOT_FOUND');
  return {
    status: 200,
    body: { data: c.resources.artist(c.catalog.artist(key)), links: { self: `/artists/${id}` } },
  };
}

/** The artist's tracks, most popular first (TIDAL's order for this relationship). */
export function artistTracksRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const country = c.checkCountry(request);
  if (country) return country;
  const collapse = request.query.get('collapseBy');
  if (collapse !== 'FINGERPRINT' && collapse !== 'NONE')
    return tidalError(400, 'collapseBy must be FINGERPRINT or NONE', 'VALUE_MISSING');
  const key = c.resources.ids.key('artist', id);
  if (!key) return tidalError(404, 'Artist not found', 'NOT_FOUND');
  const recordings = c.catalog.recordings
    .filter((r) => r.artistKeys.includes(key))
    .sort((a, b) => b.popularity - a.popularity || a.key.localeCompare(b.key));
  const self = `/artists/${id}/relationships/tracks?collapseBy=${collapse}`;
  return c.relationshipPage(request, trackIds(c, recordings), self, 'tracks');
}

export function artistAlbumsRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const country = c.checkCountry(request);
  if (country) return country;
  const key = c.resources.ids.key('artist', id);
  if (!key) return tidalError(404, 'Artist not found', 'NOT_FOUND');
  const albums = c.catalog.albums
    .filter((a) => a.artistKeys.includes(key))
    .sort((a, b) => b.releaseDate.localeCompare(a.releaseDate))
    .map((a) => ({ id: c.resources.ids.id('album', a.key), type: 'albums' }));
  return c.relationshipPage(request, albums, `/artists/${id}/relationships/albums`, 'albums');
}

/** Recordings that sound like these artists: theirs first, then artists sharing a genre. */
function neighbours(c: TidalContext, artistKeys: readonly string[], exclude?: string): Recording[] {
  const genres = new Set(artistKeys.flatMap((k) => c.catalog.artist(k).genres));
  const score = (r: Recording) => {
    if (r.artistKeys.some((k) => artistKeys.includes(k))) return 2;
    return r.artistKeys.some((k) => c.catalog.artist(k).genres.some((g) => genres.has(g))) ? 1 : 0;
  };
  return c.catalog.recordings
    .filter((r) => r.key !== exclude && c.resources.available(r.key) && score(r) > 0)
    .sort(
      (a, b) => score(b) - score(a) || b.popularity - a.popularity || a.key.localeCompare(b.key),
    );
}

function radioMix(c: TidalContext, seed: string, name: string, keys: string[]): Mix {
  const mix: Mix = {
    id: tidalMixId(seed),
    name,
    description: `Radio based on ${name.replace(/^.*?: /, '')}`,
    recordingKeys: keys.slice(0, RADIO_LENGTH),
  };
  c.mixes.set(mix.id, mix);
  return mix;
}

export function trackRadioRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const key = c.trackKey(id);
  if (!key) return tidalError(404, 'Track not found', 'NOT_FOUND');
  const recording = c.catalog.recording(key);
  const others = neighbours(c, recording.artistKeys, key).map((r) => r.key);
  const mix = radioMix(c, `track:${key}`, `Track Radio: ${recording.title}`, [key, ...others]);
  const data = [{ id: mix.id, type: 'playlists' }];
  return c.relationshipPage(request, data, `/tracks/${id}/relationships/radio`, 'radio');
}

export function artistRadioRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const country = c.checkCountry(request);
  if (country) return country;
  const key = c.resources.ids.key('artist', id);
  if (!key) return tidalError(404, 'Artist not found', 'NOT_FOUND');
  const artist = c.catalog.artist(key);
  const keys = neighbours(c, [key]).map((r) => r.key);
  const mix = radioMix(c, `artist:${key}`, `Artist Radio: ${artist.name}`, keys);
  const data = [{ id: mix.id, type: 'playlists' }];
  return c.relationshipPage(request, data, `/artists/${id}/relationships/radio`, 'radio');
}

/** Similar tracks: by other artists who share a genre. */
export function similarTracksRoute(c: TidalContext, request: ApiRequest, id: string): ApiResponse {
  const country = c.checkCountry(request);
  if (country) return country;
  const key = c.trackKey(id);
  if (!key) return tidalError(404, 'Track not found', 'NOT_FOUND');
  const recording = c.catalog.recording(key);
  const similar = neighbours(c, recording.artistKeys, key).filter(
    (r) => !r.artistKeys.some((k) => recording.artistKeys.includes(k)),
  );
  const self = `/tracks/${id}/relationships/similarTracks`;
  return c.relationshipPage(request, trackIds(c, similar.slice(0, 100)), self, 'similarTracks');
}
