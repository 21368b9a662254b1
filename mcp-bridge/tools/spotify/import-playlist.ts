import { spotifyService } from '../cross-service/spotify-service.js';
import { defineTool } from '../define-tool.js';
import { patientContext } from '../library/patient-context.js';
import { importInput, importOutput, importPlaylist } from '../library/import-run.js';
import {
  SPOTIFY_PLAYLIST_READ,
  SPOTIFY_PLAYLIST_WRITE,
  spotifyPlaylists,
} from '../library/spotify-playlists.js';

export const spotifyImportPlaylist = defineTool({
  name: 'spotify_import_playlist',
  title: 'Import a playlist file into Spotify',
  description:
    'Makes a new private Spotify playlist from CSV, M3U/M3U8 or XSPF text (e.g. an export from another app). Tracks are matched by ISRC, then by title, artists and length; the report lists matched, fuzzy and missing tracks. Try dry_run first for a long file.',
  provider: 'spotify',
  scopes: [...SPOTIFY_PLAYLIST_READ, ...SPOTIFY_PLAYLIST_WRITE],
  kind: 'write',
  idempotent: false,
  input: importInput,
  output: importOutput,
  run: (input, context) =>
    importPlaylist(
      spotifyPlaylists(context),
      spotifyService(patientContext(context)),
      input,
      context.progress,
    ),
});
