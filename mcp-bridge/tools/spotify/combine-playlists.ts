import { defineTool } from '../define-tool.js';
import { combineInput, combineOutput, combinePlaylists } from '../library/hygiene-runs.js';
import {
  SPOTIFY_PLAYLIST_READ,
  SPOTIFY_PLAYLIST_WRITE,
  spotifyPlaylists,
} from '../library/spotify-playlists.js';
import { spotifyId } from './spotify-inputs.js';

export const spotifyCombinePlaylists = defineTool({
  name: 'spotify_combine_playlists',
  title: 'Merge, intersect or difference Spotify playlists',
  description:
    'Makes a new private playlist from two or more playlists: all their tracks once (merge), the tracks they share (intersect), or the first one’s tracks that the others lack (difference). Tracks count as the same by id or ISRC. The sources are not changed.',
  provider: 'spotify',
  scopes: [...SPOTIFY_PLAYLIST_READ, ...SPOTIFY_PLAYLIST_WRITE],
  kind: 'write',
  idempotent: false,
  input: combineInput(spotifyId('playlist')),
  output: combineOutput,
  run: (input, context) => combinePlaylists(spotifyPlaylists(context), input),
});
