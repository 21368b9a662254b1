import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { playlistFailure, send } from './spotify-api.js';
import { spotifyId, text } from './spotify-inputs.js';

export const updatePlaylistDetails = defineTool({
  name: 'spotify_update_playlist_details',
  title: 'Change a playlist’s details',
  description:
    'Rename a playlist, change its description, or make it public, private or collaborative. Only the owner can.',
  provider: 'spotify',
  scopes: ['playlist-modify-public', 'playlist-modify-private'],
  kind: 'write',
  idempotent: true,
  input: z
    .object({
      playlist_id: spotifyId('playlist').describe('Playlist ID or spotify:playlist: URI.'),
      name: text(100).optional(),
      description: z.string().trim().max(300).optional().describe('"" clears it.'),
      public: z.boolean().optional(),
      collaborative: z.boolean().optional(),
    })
    .refine(
      (v) => [v.name, v.description, v.public, v.collaborative].some((x) => x !== undefined),
      'Give at least one of name, description, public and collaborative.',
    ),
  output: z.object({ playlistId: z.string(), changed: z.array(z.string()) }),
  async run({ playlist_id, ...details }, context) {
    const body = Object.fromEntries(
      Object.entries(details).filter(([, value]) => value !== undefined),
    );
    await send(
      context,
      { method: 'PUT', path: `/v1/playlists/${playlist_id}`, body },
      'change the playlist’s details',
      playlistFailure,
    );
    const changed = Object.keys(body);
    return {
      structured: { playlistId: playlist_id, changed },
      text: `Updated ${changed.join(', ')} of playlist spotify:playlist:${playlist_id}.`,
    };
  },
});
