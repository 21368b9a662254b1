import { defineTool } from '../define-tool.js';
import { duplicatesInput, duplicatesOutput, removeDuplicates } from '../library/hygiene-runs.js';
import {
  SPOTIFY_PLAYLIST_READ,
  SPOTIFY_PLAYLIST_WRITE,
  spotifyPlaylists,
} from '../library/spotify-playlists.js';
import { spotifyId } from './spotify-inputs.js';

export const spotifyRemoveDuplicates = defineTool({
  name: 'spotify_remove_duplicates',
  title: 'Find and remove duplicates in a Spotify playlist',
  description:
    'Finds tracks that occur more than once in a playlist the person owns — the same track, or with match "isrc" also other releases of the same recording — and removes all but the first. Dry run by default: show the list, then run again with dry_run false.',
  provider: 'spotify',
  scopes: [...SPOTIFY_PLAYLIST_READ, ...SPOTIFY_PLAYLIST_WRITE],
  kind: 'destructive',
  idempotent: true,
  input: duplicatesInput(spotifyId('playlist')),
  output: duplicatesOutput,
  run: (input, context) => removeDuplicates(spotifyPlaylists(context), input),
});
