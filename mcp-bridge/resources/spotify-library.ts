import { getFollowedArtists } from '../tools/spotify/get-followed-artists.js';
import { getSavedAlbums } from '../tools/spotify/get-saved-albums.js';
import { getSavedTracks } from '../tools/spotify/get-saved-tracks.js';
import { listMyPlaylists } from '../tools/spotify/list-my-playlists.js';
import { defineResource, explained, jsonContents } from './define-resource.js';

/** How big the saved library is, and what was saved last: one small read, not the whole thing. */
export const spotifyLibrary = defineResource({
  name: 'spotify-library',
  uses: [getSavedTracks, getSavedAlbums, getFollowedArtists, listMyPlaylists],
  register: (server, context) =>
    server.registerResource(
      'spotify-library',
      'spotify://me/library',
      {
        title: 'My Spotify library, summarised',
        description:
          'Counts of saved tracks, albums, followed artists and playlists, and the latest saves.',
        mimeType: 'application/json',
      },
      (uri) =>
        explained(async () => {
          const [tracks, albums, artists, playlists] = await Promise.all([
            context.run(getSavedTracks, { limit: 5 }),
            context.run(getSavedAlbums, { limit: 5 }),
            context.run(getFollowedArtists, { limit: 1 }),
            context.run(listMyPlaylists, { limit: 1 }),
          ]);
          return jsonContents(uri, {
            savedTracks: tracks.structured.total,
            savedAlbums: albums.structured.total,
            followedArtists: artists.structured.total,
            playlists: playlists.structured.total,
            latestTracks: tracks.structured.tracks.map(({ name, artists: by, uri: at }) => ({
              name,
              artists: by,
              uri: at,
            })),
            latestAlbums: albums.structured.albums.map(({ name, uri: at }) => ({ name, uri: at })),
          });
        }),
    ),
});
