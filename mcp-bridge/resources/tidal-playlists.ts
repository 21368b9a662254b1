import { listMyTidalPlaylists } from '../tools/tidal/list-my-playlists.js';
import { defineResource, explained, jsonContents } from './define-resource.js';

export const tidalPlaylists = defineResource({
  name: 'tidal-playlists',
  uses: [listMyTidalPlaylists],
  register: (server, context) =>
    server.registerResource(
      'tidal-playlists',
      'tidal://me/playlists',
      {
        title: 'My TIDAL playlists',
        description: 'The playlists the person owns on TIDAL (first 50), with ids.',
        mimeType: 'application/json',
      },
      (uri) =>
        explained(async () =>
          jsonContents(uri, (await context.run(listMyTidalPlaylists, { limit: 50 })).structured),
        ),
    ),
});
