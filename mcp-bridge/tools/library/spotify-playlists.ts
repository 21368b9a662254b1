import * as z from 'zod';
import { readSpotifyPlaylist } from '../../../playlist-files/spotify-read.js';
import type { ApiRequest } from '../../host-session.js';
import type { ToolContext } from '../define-tool.js';
import { apiFailure, ToolError } from '../tool-error.js';
import { chunk, playlistFailure } from '../spotify/spotify-api.js';
import { patientContext } from './patient-context.js';
import type { PlaylistAccess, PlaylistContents } from './playlist-access.js';

export const SPOTIFY_PLAYLIST_READ = ['playlist-read-private'];
export const SPOTIFY_PLAYLIST_WRITE = ['playlist-modify-public', 'playlist-modify-private'];
/** `/playlists/{id}/items` takes 100 URIs per change. */
const WRITE_CHUNK = 100;

export const spotifyTrackUri = (id: string) => `spotify:track:${id}`;

export { spotifyEntry } from '../../../playlist-files/spotify-read.js';

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
      const read = await readSpotifyPlaylist(
        (path, query, schema, what) =>
          call(SPOTIFY_PLAYLIST_READ, { method: 'GET', path, query }, schema, what),
        playlistId,
      );
      return {
        id: playlistId,
        name: read.name,
        entries: read.entries,
        truncated: read.truncated,
        otherItems: read.items - read.entries.length,
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
