import { getTidalCollection } from '../tools/tidal/get-collection.js';
import { defineResource, explained, jsonContents } from './define-resource.js';

// TIDAL's collection answers page by page without totals, so the summary counts the first pages.
const COUNT_UP_TO = 100;

/** What the person keeps in TIDAL's favourites: how many (up to 100 each) and the latest few. */
export const tidalLibrary = defineResource({
  name: 'tidal-library',
  uses: [getTidalCollection],
  register: (server, context) =>
    server.registerResource(
      'tidal-library',
      'tidal://me/library',
      {
        title: 'My TIDAL favourites, summarised',
        description: `How many tracks, albums and artists are in the person’s TIDAL favourites (counted up to ${COUNT_UP_TO}), and the latest of each.`,
        mimeType: 'application/json',
      },
      (uri) =>
        explained(async () => {
          const read = (kind: 'tracks' | 'albums' | 'artists') =>
            context.run(getTidalCollection, { kind, limit: COUNT_UP_TO });
          const [tracks, albums, artists] = await Promise.all([
            read('tracks'),
            read('albums'),
            read('artists'),
          ]);
          const count = (list: unknown[] | undefined, truncated: boolean) =>
            truncated ? `${COUNT_UP_TO}+` : (list?.length ?? 0);
          return jsonContents(uri, {
            tracks: count(tracks.structured.tracks, tracks.structured.truncated),
            albums: count(albums.structured.albums, albums.structured.truncated),
            artists: count(artists.structured.artists, artists.structured.truncated),
            latestTracks: (tracks.structured.tracks ?? [])
              .slice(0, 5)
              .map(({ id, title, artists: by }) => ({ id, title, artists: by })),
            latestAlbums: (albums.structured.albums ?? [])
              .slice(0, 5)
              .map(({ id, title, artists: by }) => ({ id, title, artists: by })),
            latestArtists: (artists.structured.artists ?? [])
              .slice(0, 5)
              .map(({ id, name }) => ({ id, name })),
          });
        }),
    ),
});
