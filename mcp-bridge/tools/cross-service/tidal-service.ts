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
  type Profile,
} from '../tidal/tidal-api.js';
import { addTracks } from '../tidal/add-to-playlist.js';
import { tracksFor } from '../tidal/tidal-catalog.js';
import { tidalUrl, toPlaylist, toTrack, type TidalTrack } from '../tidal/tidal-items.js';
import { playlistTracks } from '../tidal/tidal-radio.js';
import { mutate, parseDocument } from '../tidal/tidal-api.js';
import type { TrackRef } from './matching.js';
import type { MusicService } from './service.js';

const READ = ['user.read', 'playlists.read', 'search.read'];
const WRITE = ['playlists.write'];
export const TIDAL_SCOPES = [...READ, ...WRITE];
/** 100 pages of 20: 2,000 tracks. */
const MAX_PAGES = 100;

const toRef = (track: TidalTrack): TrackRef => ({
  id: track.id,
  title: track.title,
  artists: track.artists,
  durationMs: track.durationMs,
  ...(track.isrc ? { isrc: track.isrc } : {}),
});

/** TIDAL, as copy_playlist and find_on_other_service use it. */
export function tidalService(context: ToolContext): MusicService {
  const read: Call = (request) => context.apiFor('tidal', READ, request);
  const write: Call = (request) => context.apiFor('tidal', WRITE, request);
  let me: Promise<Profile> | undefined;
  const country = async () => (await (me ??= profile(read))).country;
  return {
    id: 'tidal',
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
    async createPlaylist(name, description) {
      const response = await mutate(
        write,
        {
          method: 'POST',
          path: '/v2/playlists',
          body: {
            data: { type: 'playlists', attributes: { name, description, accessType: 'UNLISTED' } },
          },
        },
        'create the TIDAL playlist',
      );
      const document = parseDocument(response.body, 'create the TIDAL playlist');
      const data = Array.isArray(document.data) ? document.data[0] : document.data;
      if (!data) throw new Error('created playlist missing');
      return data.id;
    },
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
