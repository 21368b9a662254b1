import { defineTool } from '../define-tool.js';
import { sortInput, sortOutput, sortPlaylist } from '../library/hygiene-runs.js';
import {
  SPOTIFY_PLAYLIST_READ,
  SPOTIFY_PLAYLIST_WRITE,
  spotifyPlaylists,
} from '../library/spotify-playlists.js';
import { spotifyId } from './spotify-inputs.js';

export const spotifySortPlaylist = defineTool({
  name: 'spotify_sort_playlist',
  title: 'Sort a Spotify playlist',
  description:
    'Sorts a playlist the person owns by added date, artist, album, release date, duration or title. Dry run by default: show the new start, then run again with dry_run false. Sorting rewrites the playlist, so every track’s added date becomes today.',
  provider: 'spotify',
  scopes: [...SPOTIFY_PLAYLIST_READ, ...SPOTIFY_PLAYLIST_WRITE],
  kind: 'write',
  idempotent: true,
  input: sortInput(spotifyId('playlist')),
  output: sortOutput,
  run: (input, context) =>
    sortPlaylist(spotifyPlaylists(context), input, 'the added dates become today'),
});
