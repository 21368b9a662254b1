import { defineTool } from '../define-tool.js';
import { sortInput, sortOutput, sortPlaylist } from '../library/hygiene-runs.js';
import {
  TIDAL_PLAYLIST_READ,
  TIDAL_PLAYLIST_WRITE,
  tidalPlaylists,
} from '../library/tidal-playlists.js';
import { PlaylistId } from './tidal-items.js';

export const tidalSortPlaylist = defineTool({
  name: 'tidal_sort_playlist',
  title: 'Sort a TIDAL playlist',
  description:
    'Sorts a TIDAL playlist the person owns by added date, artist, album, release date, duration or title. Dry run by default: show the new start, then run again with dry_run false. Sorting removes and re-adds the tracks, so every added date becomes today.',
  provider: 'tidal',
  scopes: [...TIDAL_PLAYLIST_READ, ...TIDAL_PLAYLIST_WRITE],
  kind: 'write',
  idempotent: true,
  input: sortInput(PlaylistId),
  output: sortOutput,
  run: (input, context) =>
    sortPlaylist(tidalPlaylists(context), input, 'the added dates become today'),
});
