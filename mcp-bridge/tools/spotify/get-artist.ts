import * as z from 'zod';
import type { ToolContext } from '../define-tool.js';
import { defineTool } from '../define-tool.js';
import { apiFailure } from '../tool-error.js';
import { getJson, notFoundFailure, OffsetPage, parseBody, present } from './spotify-api.js';
import { spotifyId } from './spotify-inputs.js';
import {
  Album,
  Artist,
  SpotifyAlbumObject,
  SpotifyArtistObject,
  SpotifyTrackObject,
  Track,
  albumLine,
  toAlbum,
  toArtist,
  toTrack,
  trackLine,
} from './spotify-items.js';

const TOP = 10;

export const getArtist = defineTool({
  name: 'spotify_get_artist',
  title: 'Get an artist',
  description:
    'An artist’s details, their most popular tracks and their albums and singles, with URIs to play.',
  provider: 'spotify',
  scopes: [],
  kind: 'read',
  idempotent: true,
  input: z.object({
    artist_id: spotifyId('artist').describe('Artist ID or spotify:artist: URI.'),
  }),
  output: z.object({
    artist: Artist,
    topTracks: z.array(Track),
    albums: z.array(Album),
    notes: z.array(z.string()),
  }),
  async run({ artist_id }, context) {
    const artist = toArtist(
      await getJson(
        context,
        `/v1/artists/${artist_id}`,
        undefined,
        SpotifyArtistObject,
        'look up the artist',
        notFoundFailure('artist', artist_id),
      ),
    );
    const notes: string[] = [];
    const topTracks = await topTracksOf(context, artist, notes);
    const albumPage = await getJson(
      context,
      `/v1/artists/${artist_id}/albums`,
      { include_groups: 'album,single', limit: '10' },
      OffsetPage(SpotifyAlbumObject),
      'list the artist’s albums',
    );
    const albums = present(albumPage.items).map(toAlbum);
    const text = [
      `${artist.name}${artist.genres.length ? ` · ${artist.genres.join(', ')}` : ''} · ${artist.uri}`,
      'Popular tracks:',
      ...topTracks.map((track, i) => trackLine(i + 1, track)),
      `Albums and singles (${albumPage.total}):`,
      ...albums.map((album, i) => albumLine(i + 1, album)),
      ...notes,
    ];
    return { structured: { artist, topTracks, albums, notes }, text: text.join('\n') };
  },
});

/** `/artists/{id}/top-tracks` is closed to apps registered in 2026: search by name instead. */
async function topTracksOf(
  context: ToolContext,
  artist: z.infer<typeof Artist>,
  notes: string[],
): Promise<Array<z.infer<typeof Track>>> {
  const response = await context.api({
    method: 'GET',
    path: `/v1/artists/${artist.id}/top-tracks`,
  });
  if (response.status === 200) {
    const body = parseBody(z.object({ tracks: z.array(SpotifyTrackObject) }), response.body, 'top');
    return body.tracks.map(toTrack);
  }
  if (response.status !== 403)
    throw apiFailure('spotify', response, 'read the artist’s top tracks');
  const search = await getJson(
    context,
    '/v1/search',
    { q: `artist:"${artist.name}"`, type: 'track', limit: String(TOP) },
    z.object({ tracks: OffsetPage(SpotifyTrackObject) }),
    'search for the artist’s tracks',
  );
  notes.push(
    'Spotify does not give this app artists’ top-track lists, so the popular tracks are the best search matches for the artist instead.',
  );
  return present(search.tracks.items)
    .filter((track) => track.artists.some((a) => a.id === artist.id))
    .map(toTrack);
}
