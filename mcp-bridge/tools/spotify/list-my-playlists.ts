import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getOffsetPage, pageText } from './spotify-api.js';
import { limit, Offset } from './spotify-inputs.js';
import {
  PlaylistDetails,
  SpotifyPlaylistDetailsObject,
  playlistLine,
  toPlaylistDetails,
} from './spotify-items.js';

export const listMyPlaylists = defineTool({
  name: 'spotify_list_my_playlists',
  title: 'List my playlists',
  description:
    'The person’s own and followed Spotify playlists, newest first, with IDs for the playlist tools.',
  provider: 'spotify',
  scopes: ['playlist-read-private'],
  kind: 'read',
  idempotent: true,
  input: z.object({ limit: limit(50, 20), offset: Offset }),
  output: z.object({ playlists: z.array(PlaylistDetails), total: z.number(), offset: z.number() }),
  async run({ limit, offset }, context) {
    const page = await getOffsetPage(
      context,
      '/v1/me/playlists',
      { limit, offset },
      SpotifyPlaylistDetailsObject,
      'list your playlists',
    );
    const playlists = page.items.map(toPlaylistDetails);
    return {
      structured: { playlists, total: page.total, offset },
      text: pageText('Your playlists', { total: page.total, offset }, playlists, playlistLine),
    };
  },
});
