import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { parseBody, send } from './spotify-api.js';
import { text } from './spotify-inputs.js';
import {
  PlaylistDetails,
  SpotifyPlaylistDetailsObject,
  toPlaylistDetails,
} from './spotify-items.js';

export const createPlaylist = defineTool({
  name: 'spotify_create_playlist',
  title: 'Create a playlist',
  description:
    'Create a new, empty playlist in the person’s Spotify account (private unless public is true). Add tracks with spotify_add_to_playlist.',
  provider: 'spotify',
  scopes: ['playlist-modify-public', 'playlist-modify-private'],
  kind: 'write',
  idempotent: false,
  input: z
    .object({
      name: text(100).describe('Playlist name.'),
      description: text(300).optional(),
      public: z.boolean().default(false).describe('Show it on the person’s profile.'),
      collaborative: z.boolean().default(false).describe('Let others add tracks (private only).'),
    })
    .refine((value) => !(value.public && value.collaborative), {
      message: 'A collaborative playlist must be private (public: false).',
      path: ['collaborative'],
    }),
  output: z.object({ playlist: PlaylistDetails }),
  async run(args, context) {
    const response = await send(
      context,
      {
        method: 'POST',
        path: '/v1/me/playlists',
        body: {
          name: args.name,
          public: args.public,
          collaborative: args.collaborative,
          ...(args.description ? { description: args.description } : {}),
        },
      },
      'create the playlist',
    );
    const playlist = toPlaylistDetails(
      parseBody(SpotifyPlaylistDetailsObject, response.body, 'create the playlist'),
    );
    return {
      structured: { playlist },
      text: `Created ${playlist.public ? 'public' : 'private'} playlist “${playlist.name}” · ${playlist.uri}`,
    };
  },
});
