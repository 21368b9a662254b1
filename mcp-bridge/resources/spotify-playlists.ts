import { listMyPlaylists } from '../tools/spotify/list-my-playlists.js';
import { defineResource, explained, jsonContents } from './define-resource.js';

export const spotifyPlaylists = defineResource({
  name: 'spotify-playlists',
  uses: [listMyPlaylists],
  register: (server, context) =>
    server.registerResource(
      'spotify-playlists',
      'spotify://me/playlists',
      {
        title: 'My Spotify playlists',
        description: 'The person’s Spotify playlists (first 50), newest first, with ids.',
        mimeType: 'application/json',
      },
      (uri) =>
        explained(async () =>
          jsonContents(uri, (await context.run(listMyPlaylists, { limit: 50 })).structured),
        ),
    ),
});
