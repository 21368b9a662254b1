import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getJson, notFoundFailure, OffsetPage, present } from './spotify-api.js';
import { spotifyId } from './spotify-inputs.js';
import {
  Album,
  SpotifyAlbumObject,
  SpotifyTrackObject,
  Track,
  albumLine,
  toAlbum,
  toTrack,
  trackLine,
} from './spotify-items.js';

/** Albums longer than this are cut short; the result says so. */
const MAX_TRACKS = 500;
const PAGE = 50;

// An album's tracks are simplified: no album of their own.
const AlbumTrack = SpotifyTrackObject.omit({ album: true });
const AlbumResponse = SpotifyAlbumObject.extend({ tracks: OffsetPage(AlbumTrack) });

export const getAlbum = defineTool({
  name: 'spotify_get_album',
  title: 'Get an album with its tracks',
  description: 'An album’s details and its full track list, with URIs to play or save.',
  provider: 'spotify',
  scopes: [],
  kind: 'read',
  idempotent: true,
  input: z.object({ album_id: spotifyId('album').describe('Album ID or spotify:album: URI.') }),
  output: z.object({ album: Album, tracks: z.array(Track) }),
  async run({ album_id }, context) {
    const body = await getJson(
      context,
      `/v1/albums/${album_id}`,
      undefined,
      AlbumResponse,
      'look up the album',
      notFoundFailure('album', album_id),
    );
    const album = toAlbum(body);
    const items = present(body.tracks.items);
    while (body.tracks.total > items.length && items.length < MAX_TRACKS) {
      const page = await getJson(
        context,
        `/v1/albums/${album_id}/tracks`,
        { limit: String(PAGE), offset: String(items.length) },
        OffsetPage(AlbumTrack),
        'read the album’s tracks',
      );
      if (page.items.length === 0) break;
      items.push(...present(page.items));
    }
    const tracks = items.map((track) => ({ ...toTrack(track), album: album.name }));
    return {
      structured: { album, tracks },
      text: [
        albumLine(1, album).replace(/^1\. /, ''),
        ...tracks.map((t, i) => trackLine(i + 1, t)),
      ].join('\n'),
    };
  },
});
