import { ToolError } from '../tool-error.js';
import type { ToolContext } from '../define-tool.js';
import {
  chunk,
  followPages,
  getDocument,
  profile,
  ResourceIndex,
  relationshipIds,
  type Call,
  type Resource,
  type Profile,
} from '../tidal/tidal-api.js';
import { addTracks } from '../tidal/add-to-playlist.js';
import { postPlaylist } from '../tidal/create-playlist.js';
import { tracksFor } from '../tidal/tidal-catalog.js';
import {
  tidalUrl,
  toAlbum,
  toArtist,
  toPlaylist,
  toTrack,
  type TidalTrack,
} from '../tidal/tidal-items.js';
import { playlistTracks } from '../tidal/tidal-radio.js';
import type { AlbumRef, TrackRef } from './matching.js';
import type { MusicService } from './service.js';

const READ = ['user.read', 'playlists.read', 'search.read'];
const WRITE = ['playlists.write'];
export const TIDAL_SCOPES = [...READ, ...WRITE];
/** 600 pages of 20: 12,000 tracks. */
const MAX_PAGES = 600;

const toRef = (track: TidalTrack): TrackRef => ({
  id: track.id,
  title: track.title,
  artists: track.artists,
  durationMs: track.durationMs,
  ...(track.isrc ? { isrc: track.isrc } : {}),
});

function toAlbumRef(resource: Resource, index: ResourceIndex): AlbumRef {
  const album = toAlbum(resource, index);
  const barcode = resource.attributes?.barcodeId;
  return {
    id: album.id,
    title: album.title,
    artists: album.artists,
    ...(album.numberOfItems !== undefined ? { trackCount: album.numberOfItems } : {}),
    ...(typeof barcode === 'string' ? { upc: barcode } : {}),
  };
}

/** TIDAL, as copy_playlist and find_on_other_service use it. */
export function tidalService(context: ToolContext): MusicService {
  const read: Call = (request) => context.apiFor('tidal', READ, request);
  const write: Call = (request) => context.apiFor('tidal', WRITE, request);
  let me: Promise<Profile> | undefined;
  const country = async () => (await (me ??= profile(read))).country;
  /** The search result's resources under one relationship, in TIDAL's order. */
  const searchFor = async (text: string, include: string, relationship: string) => {
    const document = await getDocument(
      read,
      '/v2/searchResults',
      { 'filter[query]': text.slice(0, 200), countryCode: await country(), include },
      'search TIDAL',
    );
    const index = new ResourceIndex().addDocument(document);
    const root = Array.isArray(document.data) ? document.data[0] : document.data;
    const found = (root ? relationshipIds(root, relationship) : []).flatMap(
      (item) => index.get(item.type, item.id) ?? [],
    );
    return { found, index };
  };
  const one = async (path: string, type: string, id: string, include?: string) => {
    const document = await getDocument(
      read,
      path,
      { countryCode: await country(), ...(include ? { include } : {}) },
      `read TIDAL ${type.replace(/s$/, '')} ${id}`,
    );
    const index = new ResourceIndex().addDocument(document);
    const resource = index.get(type, id);
    if (!resource)
      throw new ToolError(
        'not_found',
        `TIDAL has no ${type.replace(/s$/, '')} ${id}. Check the ID.`,
      );
    return { resource, index };
  };
  return {
    id: 'tidal',
    async album(id) {
      const { resource, index } = await one(`/v2/albums/${id}`, 'albums', id, 'artists');
      return toAlbumRef(resource, index);
    },
    async albumCandidates(album) {
      const text = `${album.title} ${album.artists[0] ?? ''}`.replace(/["():]/g, ' ');
      const { found, index } = await searchFor(text, 'albums,albums.artists', 'albums');
      return found.map((resource) => toAlbumRef(resource, index));
    },
    async artist(id) {
      const { resource } = await one(`/v2/artists/${id}`, 'artists', id);
      const artist = toArtist(resource);
      return { id: artist.id, name: artist.name };
    },
    async topTrackIsrcs(artistId) {
      const document = await getDocument(
        read,
        `/v2/artists/${artistId}/relationships/tracks`,
        { countryCode: await country(), collapseBy: 'FINGERPRINT', include: 'tracks' },
        `read the top tracks of TIDAL artist ${artistId}`,
      );
      const index = new ResourceIndex().addDocument(document);
      const ids = Array.isArray(document.data) ? document.data : [];
      return ids.flatMap((item) => {
        const isrc = index.get('tracks', item.id)?.attributes?.isrc;
        return typeof isrc === 'string' ? [isrc] : [];
      });
    },
    async artistCandidates(name) {
      const { found } = await searchFor(name, 'artists', 'artists');
      return found.map((resource) => {
        const artist = toArtist(resource);
        return { id: artist.id, name: artist.name };
      });
    },
    async readPlaylist(playlistId) {
      const c = await country();
      const document = await getDocument(
        read,
        `/v2/playlists/${playlistId}`,
        { countryCode: c },
        'read the TIDAL playlist',
      );
      const resource = new ResourceIndex().addDocument(document).get('playlists', playlistId);
      const { items, tracks } = await playlistTracks(read, playlistId, c, MAX_PAGES);
      return {
        name: resource ? toPlaylist(resource).name : playlistId,
        tracks: tracks.map(toRef),
        truncated: items.truncated,
      };
    },
    async findOwnPlaylist(name) {
      const c = await country();
      const pages = await followPages(
        read,
        '/v2/playlists',
        { 'filter[owners.id]': 'me', countryCode: c },
        'list your TIDAL playlists',
        { maxPages: 25 },
      );
      const found = pages.identifiers.find((item) => {
        const resource = pages.index.get(item.type, item.id);
        return resource !== undefined && toPlaylist(resource).name === name;
      });
      return found?.id;
    },
    createPlaylist: async (name, description) =>
      (await postPlaylist(write, { name, description, accessType: 'UNLISTED' })).id,
    async addTracks(playlistId, trackIds) {
      await addTracks(write, playlistId, trackIds);
    },
    async byIsrc(isrcs) {
      const c = await country();
      const found = new Map<string, string>();
      for (const part of chunk([...new Set(isrcs)], 20)) {
        const document = await getDocument(
          read,
          '/v2/tracks',
          { 'filter[isrc]': part.join(','), countryCode: c },
          'look up tracks by ISRC',
        );
        const index = new ResourceIndex().addDocument(document);
        for (const item of Array.isArray(document.data) ? document.data : []) {
          const isrc = index.get('tracks', item.id)?.attributes?.isrc;
          if (typeof isrc === 'string' && !found.has(isrc)) found.set(isrc, item.id);
        }
      }
      return found;
    },
    async search(text) {
      const c = await country();
      const document = await getDocument(
        read,
        '/v2/searchResults',
        { 'filter[query]': text, countryCode: c, include: 'tracks,tracks.artists' },
        'search TIDAL',
      );
      const index = new ResourceIndex().addDocument(document);
      const root = Array.isArray(document.data) ? document.data[0] : document.data;
      const ids = root ? relationshipIds(root, 'tracks').slice(0, 10) : [];
      return ids.flatMap((item) => {
        const resource = index.get('tracks', item.id);
        return resource ? [toRef(toTrack(resource, index))] : [];
      });
    },
    async track(id) {
      const [track] = await tracksFor(read, [{ id, type: 'tracks' }], await country());
      if (!track)
        throw new ToolError(
          'not_found',
          `TIDAL has no track ${id}. Check the ID, or find it with tidal_search.`,
        );
      return toRef(track);
    },
    url: (kind, id) => tidalUrl(kind, id),
  };
}
