import { ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { getPlaylist } from '../tools/spotify/get-playlist.js';
import { listMyPlaylists } from '../tools/spotify/list-my-playlists.js';
import { defineResource, explained, jsonContents } from './define-resource.js';
import { completePlaylistName, resolvePlaylistId } from './playlist-choices.js';

/** One Spotify playlist by id, or by one of the person's playlist names (completed as typed). */
export const spotifyPlaylist = defineResource({
  name: 'spotify-playlist',
  uses: [getPlaylist, listMyPlaylists],
  register: (server, context) =>
    server.registerResource(
      'spotify-playlist',
      new ResourceTemplate('spotify://playlist/{id}', {
        list: undefined,
        complete: { id: (typed) => completePlaylistName(context, ['spotify'], typed) },
      }),
      {
        title: 'A Spotify playlist',
        description:
          'Details and the first 100 tracks. {id}: a playlist id or one of the person’s playlist names.',
        mimeType: 'application/json',
      },
      (uri, { id }) =>
        explained(async () => {
          const playlistId = await resolvePlaylistId(context, 'spotify', String(id));
          const result = await context.run(getPlaylist, { playlist_id: playlistId, limit: 100 });
          return jsonContents(uri, result.structured);
        }),
    ),
});
