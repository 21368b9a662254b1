import { z } from 'zod';
import type { ApiRequest } from '../../host-session.js';
import type { ToolContext } from '../define-tool.js';
import { apiFailure, ToolError } from '../tool-error.js';
import { chunk, playlistFailure } from '../spotify/spotify-api.js';
import { patientContext } from './patient-context.js';
import {
  MAX_ENTRIES,
  type Entry,
  type PlaylistAccess,
  type PlaylistContents,
} from './playlist-access.js';

export const SPOTIFY_PLAYLIST_READ = ['playlist-read-private'];
export const SPOTIFY_PLAYLIST_WRITE = ['playlist-modify-public', 'playlist-modify-private'];
/** `/playlists/{id}/items` reads 50 at a time and takes 100 URIs per change. */
const READ_PAGE = 50;
const WRITE_CHUNK = 100;

const Track = z
  .object({
    id: z.string().nullable().optional(),
    type: z.string().optional(),
    name: z.string(),
    duration_ms: z.number(),
    artists: z.array(z.object({ name: z.string() })),
    album: z.object({ name: z.string(), release_date: z.string().optional() }).loose().optional(),
    external_ids: z.object({ isrc: z.string().optional() }).loose().optional(),
  })
  .loose();
const Page = z.object({
  items: z.array(
    z.object({ added_at: z.string().nullable().optional(), item: z.unknown().optional() }).loose(),
  ),
  next: z.string().nullable().optional(),
});

export const spotifyTrackUri = (id: string) => `spotify:track:${id}`;

/** Turns a Spotify track object (from a playlist or the saved library) into an Entry. */
export function spotifyEntry(
  item: unknown,
  position: number,
  addedAt?: string | null,
): Entry | undefined {
  const parsed = Track.safeParse(item);
  if (!parsed.success || !parsed.data.id || (parsed.data.type && parsed.data.type !== 'track'))
    return undefined;
  const track = parsed.data;
  return {
    trackId: track.id ?? '',
    position,
    ...(addedAt ? { addedAt } : {}),
    title: track.name,
    artists: track.artists.map((artist) => artist.name),
    ...(track.album ? { album: track.album.name } : {}),
    ...(track.album?.release_date ? { releaseDate: track.album.release_date } : {}),
    durationMs: track.duration_ms,
    ...(track.external_ids?.isrc ? { isrc: track.external_ids.isrc } : {}),
  };
}

/** Spotify playlists for hygiene, export, import and sync, through `context.apiFor`. */
export function spotifyPlaylists(toolContext: ToolContext): PlaylistAccess {
  const context = patientContext(toolContext);
  const call = async <T extends z.ZodType>(
    scopes: readonly string[],
    request: ApiRequest,
    schema: T,
    what: string,
  ): Promise<z.infer<T>> => {
    const response = await context.apiFor('spotify', scopes, request);
    if (response.status < 200 || response.status >= 300) {
      throw request.path.startsWith('/v1/playlists/')
        ? playlistFailure(response, what)
        : apiFailure('spotify', response, what);
    }
    const parsed = schema.safeParse(response.body);
    if (!parsed.success)
      throw new ToolError(
        'bad_response',
        `Spotify answered (${what}) in an unexpected shape. Try again.`,
      );
    return parsed.data;
  };
  const write = (request: ApiRequest, what: string) =>
    call(SPOTIFY_PLAYLIST_WRITE, request, z.unknown(), what);
  const itemsPath = (id: string) => `/v1/playlists/${id}/items`;
  const append = async (playlistId: string, uris: readonly string[], position?: number) => {
    for (const [i, part] of chunk(uris, WRITE_CHUNK).entries()) {
      const at = position === undefined ? {} : { position: position + i * WRITE_CHUNK };
      await write(
        { method: 'POST', path: itemsPath(playlistId), body: { uris: part, ...at } },
        'add tracks to the Spotify playlist',
      );
    }
  };

  return {
    service: 'spotify',
    async read(playlistId): Promise<PlaylistContents> {
      const meta = await call(
        SPOTIFY_PLAYLIST_READ,
        { method: 'GET', path: `/v1/playlists/${playlistId}`, query: { fields: 'name' } },
        z.object({ name: z.string() }).loose(),
        'read the Spotify playlist',
      );
      const entries: Entry[] = [];
      let items = 0;
      let complete = false;
      for (let offset = 0; offset < MAX_ENTRIES; offset += READ_PAGE) {
        const page = await call(
          SPOTIFY_PLAYLIST_READ,
          {
            method: 'GET',
            path: itemsPath(playlistId),
            query: { limit: String(READ_PAGE), offset: String(offset) },
          },
          Page,
          'read the Spotify playlist’s tracks',
        );
        items += page.items.length;
        for (const [i, raw] of page.items.entries()) {
          const entry = spotifyEntry(raw.item, offset + i, raw.added_at);
          // Episodes and unavailable items keep their place but take no part.
          if (entry) entries.push(entry);
        }
        if (!page.next || page.items.length === 0) {
          complete = true;
          break;
        }
      }
      const truncated = !complete;
      return {
        id: playlistId,
        name: meta.name,
        entries,
        truncated,
        otherItems: items - entries.length,
      };
    },
    async removeEntries(playlist, remove) {
      // Spotify removes a URI everywhere it occurs: take out every occurrence of the URIs
      // concerned, then put back the occurrences that stay, at their final places.
      const gone = new Set(remove.map((entry) => entry.position));
      const touched = new Set(remove.map((entry) => entry.trackId));
      for (const part of chunk([...touched], WRITE_CHUNK)) {
        await write(
          {
            method: 'DELETE',
            path: itemsPath(playlist.id),
            body: { items: part.map((id) => ({ uri: spotifyTrackUri(id) })) },
          },
          'remove tracks from the Spotify playlist',
        );
      }
      // Places count every item, episodes and unavailable ones included.
      const removed = [...gone].sort((a, b) => a - b);
      const finalIndex = (position: number) =>
        position - removed.filter((at) => at < position).length;
      const putBack = playlist.entries
        .filter((entry) => !gone.has(entry.position) && touched.has(entry.trackId))
        .map((entry) => ({
          uri: spotifyTrackUri(entry.trackId),
          index: finalIndex(entry.position),
        }));
      // Neighbouring places go back in one request.
      for (let i = 0; i < putBack.length;) {
        let j = i + 1;
        while (
          j < putBack.length &&
          j - i < WRITE_CHUNK &&
          putBack[j]!.index === putBack[j - 1]!.index + 1
        )
          j += 1;
        const run = putBack.slice(i, j);
        await write(
          {
            method: 'POST',
            path: itemsPath(playlist.id),
            body: { uris: run.map((r) => r.uri), position: run[0]!.index },
          },
          'put tracks back in the Spotify playlist',
        );
        i = j;
      }
    },
    async replaceAll(playlist, trackIds) {
      const uris = trackIds.map(spotifyTrackUri);
      await write(
        { method: 'PUT', path: itemsPath(playlist.id), body: { uris: uris.slice(0, WRITE_CHUNK) } },
        'rewrite the Spotify playlist',
      );
      await append(playlist.id, uris.slice(WRITE_CHUNK));
    },
    append: (playlistId, trackIds) => append(playlistId, trackIds.map(spotifyTrackUri)),
    async create(name, description) {
      const created = await call(
        SPOTIFY_PLAYLIST_WRITE,
        { method: 'POST', path: '/v1/me/playlists', body: { name, description, public: false } },
        z.object({ id: z.string() }).loose(),
        'create the Spotify playlist',
      );
      return created.id;
    },
    url: (id) => `https://open.spotify.com/playlist/${id}`,
  };
}
