import { defineTool } from '../define-tool.js';
import { combineInput, combineOutput, combinePlaylists } from '../library/hygiene-runs.js';
import {
  TIDAL_PLAYLIST_READ,
  TIDAL_PLAYLIST_WRITE,
  tidalPlaylists,
} from '../library/tidal-playlists.js';
import { PlaylistId } from './tidal-items.js';

export const tidalCombinePlaylists = defineTool({
  name: 'tidal_combine_playlists',
  title: 'Merge, intersect or difference TIDAL playlists',
  description:
    'Makes a new unlisted TIDAL playlist from two or more playlists: all their tracks once (merge), the tracks they share (intersect), or the first one’s tracks that the others lack (difference). Tracks count as the same by id or ISRC. The sources are not changed.',
  provider: 'tidal',
  scopes: [...TIDAL_PLAYLIST_READ, ...TIDAL_PLAYLIST_WRITE],
  kind: 'write',
  idempotent: false,
  input: combineInput(PlaylistId),
  output: combineOutput,
  run: (input, context) => combinePlaylists(tidalPlaylists(context), input),
});
