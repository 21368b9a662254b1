import { defineTool } from '../define-tool.js';
import { duplicatesInput, duplicatesOutput, removeDuplicates } from '../library/hygiene-runs.js';
import {
  TIDAL_PLAYLIST_READ,
  TIDAL_PLAYLIST_WRITE,
  tidalPlaylists,
} from '../library/tidal-playlists.js';
import { PlaylistId } from './tidal-items.js';

export const tidalRemoveDuplicates = defineTool({
  name: 'tidal_remove_duplicates',
  title: 'Find and remove duplicates in a TIDAL playlist',
  description:
    'Finds tracks that occur more than once in a TIDAL playlist the person owns — the same track, or with match "isrc" also other releases of the same recording — and removes all but the first. Dry run by default: show the list, then run again with dry_run false.',
  provider: 'tidal',
  scopes: [...TIDAL_PLAYLIST_READ, ...TIDAL_PLAYLIST_WRITE],
  kind: 'destructive',
  idempotent: true,
  input: duplicatesInput(PlaylistId),
  output: duplicatesOutput,
  run: (input, context) => removeDuplicates(tidalPlaylists(context), input),
});
