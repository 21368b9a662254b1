import { ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { getTidalPlaylist } from '../tools/tidal/get-playlist.js';
import { listMyTidalPlaylists } from '../tools/tidal/list-my-playlists.js';
import { defineResource, explained, jsonContents } from './define-resource.js';
import { completePlaylistName, resolvePlaylistId } from './playlist-choices.js';

/** One TIDAL playlist by id, or by one of the person's playlist names (completed as typed). */
export const tidalPlaylist = defineResource({
  name: 'tidal-playlist',
  uses: [getTidalPlaylist, listMyTidalPlaylists],
  register: (server, context) =>
    server.registerResource(
      'tidal-playlist',
      new ResourceTemplate('tidal://playlist/{id}', {
        list: undefined,
        complete: { id: (typed) => completePlaylistName(context, ['tidal'], typed) },
      }),
      {
        title: 'A TIDAL playlist',
        description:
          'Details and items. {id}: a playlist id or one of the person’s playlist names.',
        mimeType: 'application/json',
      },
      (uri, { id }) =>
        explained(async () => {
          const playlistId = await resolvePlaylistId(context, 'tidal', String(id));
          const result = await context.run(getTidalPlaylist, { playlist_id: playlistId });
          return jsonContents(uri, result.structured);
        }),
    ),
});
