import * as z from 'zod';
import type { ToolContext } from '../define-tool.js';
import { apiFailure, ToolError } from '../tool-error.js';
import type { ApiRequest } from '../../host-session.js';
import type { AlbumRef, ArtistRef, TrackRef } from './matching.js';
import type { MusicService } from './service.js';

const READ = ['playlist-read-private', 'user-read-private'];
const WRITE = ['playlist-modify-public', 'playlist-modify-private'];
export const SPOTIFY_SCOPES = [...READ, ...WRITE];
/** 240 pages of 50: 12,000 tracks, past Spotify's own 10,000-item cap. */
const MAX_PAGES = 240;

const SpotifyTrack = z.object({
  id: z.string().nullable().optional(),
  name: z.string(),
  duration_ms: z.number(),
  artists: z.array(z.object({ name: z.string(), id: z.string().nullable().optional() })),
  external_ids: z.object({ isrc: z.string().optional() }).optional(),
  type: z.string().optional(),
});
const SpotifyAlbum = z.object({
  id: z.string(),
  name: z.string(),
  artists: z.array(z.object({ name: z.string() })),
  total_tracks: z.number().optional(),
  external_ids: z.object({ upc: z.string().optional() }).optional(),
});
const SpotifyArtist = z.object({ id: z.string(), name: z.string() });
const AlbumSearch = z.object({ albums: z.object({ items: z.array(SpotifyAlbum.nullable()) }) });
const ArtistSearch = z.object({ artists: z.object({ items: z.array(SpotifyArtist.nullable()) }) });
const TopTracks = z.object({ tracks: z.array(SpotifyTrack) });
const ItemsPage = z.object({
  items: z.array(z.object({ item: SpotifyTrack.nullable().optional() }).loose()),
  next: z.string().nullable().optional(),
});
const SearchPage = z.object({
  tracks: z.object({ items: z.array(SpotifyTrack.nullable()) }),
});
const Playlists = z.object({
  items: z.array(
    z.object({ id: z.string(), name: z.string(), owner: z.object({ id: z.string() }) }).nullable(),
  ),
  next: z.string().nullable().optional(),
});

function toRef(track: z.infer<typeof SpotifyTrack>): TrackRef | undefined {
  if (!track.id) return undefined;
  return {
    id: track.id,
    title: track.name,
    artists: track.artists.map((a) => a.name),
    durationMs: track.duration_ms,
    ...(track.external_ids?.isrc ? { isrc: track.external_ids.isrc } : {}),
  };
}

function toAlbumRef(album: z.infer<typeof SpotifyAlbum>, upc?: string): AlbumRef {
  const barcode = album.external_ids?.upc ?? upc;
  return {
    id: album.id,
    title: album.name,
    artists: album.artists.map((a) => a.name),
    ...(album.total_tracks !== undefined ? { trackCount: album.total_tracks } : {}),
    ...(barcode ? { upc: barcode } : {}),
  };
}

/** A value for a `field:"…"` search filter: no quotes, bounded. */
const quoted = (text: string) => `"${text.replace(/["]/g, ' ').trim().slice(0, 100)}"`;

/** Spotify, as copy_playlist and find_on_other_service use it. */
export function spotifyService(context: ToolContext): MusicService {
  const call = async <T extends z.ZodType>(
    scopes: string[],
    request: ApiRequest,
    schema: T,
    what: string,
  ): Promise<z.infer<T>> => {
    const response = await context.apiFor('spotify', scopes, request);
    if (response.status < 200 || response.status >= 300)
      throw apiFailure('spotify', response, what);
    const parsed = schema.safeParse(response.body);
    if (!parsed.success)
      throw new ToolError(
        'bad_response',
        `Spotify answered (${what}) in an unexpected shape. Try again.`,
      );
    return parsed.data;
  };
  const search = async (q: string, limit: number) => {
    const page = await call(
      [],
      { method: 'GET', path: '/v1/search', query: { q, type: 'track', limit: String(limit) } },
      SearchPage,
      'search Spotify',
    );
    return page.tracks.items.flatMap((t) => (t ? (toRef(t) ?? []) : []));
  };
  const searchType = async <T extends z.ZodType>(q: string, type: string, schema: T) =>
    call(
      [],
      { method: 'GET', path: '/v1/search', query: { q, type, limit: '10' } },
      schema,
      'search Spotify',
    );
  const artist = async (id: string): Promise<ArtistRef> => {
    const found = await call(
      [],
      { method: 'GET', path: `/v1/artists/${id}` },
      SpotifyArtist.loose(),
      `read Spotify artist ${id}`,
    );
    return { id: found.id, name: found.name };
  };
  return {
    id: 'spotify',
    async album(id) {
      const album = await call(
        [],
        { method: 'GET', path: `/v1/albums/${id}` },
        SpotifyAlbum.loose(),
        `read Spotify album ${id}`,
      );
      return toAlbumRef(album);
    },
    async albumCandidates(album) {
      const found: AlbumRef[] = [];
      // A `upc:` search finds only albums with that barcode, though its results don't repeat it.
      if (album.upc) {
        const page = await searchType(`upc:${album.upc}`, 'album', AlbumSearch);
        for (const item of page.albums.items) if (item) found.push(toAlbumRef(item, album.upc));
      }
      const q = `album:${quoted(album.title)} artist:${quoted(album.artists[0] ?? '')}`;
      const page = await searchType(q, 'album', AlbumSearch);
      for (const item of page.albums.items)
        if (item && !found.some((f) => f.id === item.id)) found.push(toAlbumRef(item));
      return found;
    },
    artist,
    async topTrackIsrcs(artistId) {
      const top = await context.apiFor('spotify', [], {
        method: 'GET',
        path: `/v1/artists/${artistId}/top-tracks`,
      });
      const parsed = top.status === 200 ? TopTracks.safeParse(top.body) : undefined;
      let tracks = parsed?.success ? parsed.data.tracks : undefined;
      // Closed to apps registered since 2026 (403): the artist's tracks from search instead.
      if (!tracks) {
        const { name } = await artist(artistId);
        const page = await call(
          [],
          {
            method: 'GET',
            path: '/v1/search',
            query: { q: `artist:${quoted(name)}`, type: 'track', limit: '10' },
          },
          SearchPage,
          'search Spotify',
        );
        tracks = page.tracks.items.filter(
          (t): t is z.infer<typeof SpotifyTrack> =>
            t !== null && t.artists.some((a) => a.id === artistId),
        );
      }
      return tracks.flatMap((t) => (t.external_ids?.isrc ? [t.external_ids.isrc] : []));
    },
    async artistCandidates(name) {
      const page = await searchType(`artist:${quoted(name)}`, 'artist', ArtistSearch);
      return page.artists.items.flatMap((a) => (a ? [{ id: a.id, name: a.name }] : []));
    },
    async readPlaylist(playlistId) {
      const meta = await call(
        ['playlist-read-private'],
        { method: 'GET', path: `/v1/playlists/${playlistId}`, query: { fields: 'name' } },
        z.object({ name: z.string() }).loose(),
        'read the Spotify playlist',
      );
      const tracks: TrackRef[] = [];
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const items = await call(
          READ,
          {
            method: 'GET',
            path: `/v1/playlists/${playlistId}/items`,
            query: { limit: '50', offset: String(page * 50) },
          },
          ItemsPage,
          'read the Spotify playlist’s tracks',
        );
        for (const item of items.items) {
          const ref = item.item && item.item.type !== 'episode' ? toRef(item.item) : undefined;
          if (ref) tracks.push(ref);
        }
        if (!items.next) return { name: meta.name, tracks, truncated: false };
      }
      return { name: meta.name, tracks, truncated: true };
    },
    async findOwnPlaylist(name) {
      const me = await call(
        READ,
        { method: 'GET', path: '/v1/me' },
        z.object({ id: z.string() }).loose(),
        'read your profile',
      );
      for (let page = 0; page < 10; page += 1) {
        const list = await call(
          READ,
          {
            method: 'GET',
            path: '/v1/me/playlists',
            query: { limit: '50', offset: String(page * 50) },
          },
          Playlists,
          'list your Spotify playlists',
        );
        const found = list.items.find((p) => p && p.name === name && p.owner.id === me.id);
        if (found) return found.id;
        if (!list.next) return undefined;
      }
      return undefined;
    },
    async createPlaylist(name, description) {
      const created = await call(
        WRITE,
        { method: 'POST', path: '/v1/me/playlists', body: { name, description, public: false } },
        z.object({ id: z.string() }).loose(),
        'create the Spotify playlist',
      );
      return created.id;
    },
    async addTracks(playlistId, trackIds) {
      for (let i = 0; i < trackIds.length; i += 100) {
        await call(
          WRITE,
          {
            method: 'POST',
            path: `/v1/playlists/${playlistId}/items`,
            body: { uris: trackIds.slice(i, i + 100).map((id) => `spotify:track:${id}`) },
          },
          z.unknown(),
          'add tracks to the Spotify playlist',
        );
      }
    },
    async byIsrc(isrcs) {
      const found = new Map<string, string>();
      for (const isrc of isrcs) {
        const [hit] = await search(`isrc:${isrc}`, 1);
        if (hit) found.set(isrc, hit.id);
      }
      return found;
    },
    search: (text) => search(text, 10),
    async track(id) {
      const track = await call(
        [],
        { method: 'GET', path: `/v1/tracks/${id}` },
        SpotifyTrack,
        `read Spotify track ${id}`,
      );
      const ref = toRef(track);
      if (!ref) throw new ToolError('not_found', `Spotify has no track ${id}.`);
      return ref;
    },
    url: (kind, id) => `https://open.spotify.com/${kind}/${id}`,
  };
}
