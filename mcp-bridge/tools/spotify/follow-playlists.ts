import * as z from 'zod';
import { defineTool, type ToolContext } from '../define-tool.js';
import { playlistFailure, send } from './spotify-api.js';
import { spotifyId } from './spotify-inputs.js';

/** `/me/library` takes at most 40 URIs per request; following a playlist needs this scope. */
const MAX = 40;
export const FOLLOW_SCOPES = ['playlist-modify-public'];

export const followInput = z.object({
  playlist_ids: z
    .array(spotifyId('playlist'))
    .min(1)
    .max(MAX)
    .describe('Playlist IDs or spotify:playlist: URIs (at most 40).'),
});
export const followOutput = z.object({ playlistIds: z.array(z.string()), following: z.boolean() });

/** Follows (PUT) or unfollows (DELETE) playlists through `/me/library`, in one request. */
export async function changeFollows(
  context: ToolContext,
  method: 'PUT' | 'DELETE',
  ids: readonly string[],
) {
  const unique = [...new Set(ids)];
  const verb = method === 'PUT' ? 'follow' : 'unfollow';
  await send(
    context,
    {
      method,
      path: '/v1/me/library',
      query: { uris: unique.map((id) => `spotify:playlist:${id}`).join(',') },
    },
    `${verb} the playlists`,
    playlistFailure,
  );
  const structured = { playlistIds: unique, following: method === 'PUT' };
  const list = unique.map((id) => `spotify:playlist:${id}`).join(', ');
  return {
    structured,
    text:
      method === 'PUT'
        ? `Following ${unique.length} playlist${unique.length === 1 ? '' : 's'} (they show in your library): ${list}.`
        : `No longer following ${list}. Your own playlists stay in your library.`,
  };
}

export const followPlaylists = defineTool({
  name: 'spotify_follow_playlists',
  title: 'Follow playlists',
  description:
    'Follow (save to the library) other people’s or Spotify’s playlists, by id or URI. Idempotent.',
  provider: 'spotify',
  scopes: FOLLOW_SCOPES,
  kind: 'write',
  idempotent: true,
  input: followInput,
  output: followOutput,
  run: ({ playlist_ids }, context) => changeFollows(context, 'PUT', playlist_ids),
});
