import { tidalService } from '../cross-service/tidal-service.js';
import { defineTool } from '../define-tool.js';
import { patientContext } from '../library/patient-context.js';
import { importInput, importOutput, importPlaylist } from '../library/import-run.js';
import {
  TIDAL_PLAYLIST_READ,
  TIDAL_PLAYLIST_WRITE,
  tidalPlaylists,
} from '../library/tidal-playlists.js';

export const tidalImportPlaylist = defineTool({
  name: 'tidal_import_playlist',
  title: 'Import a playlist file into TIDAL',
  description:
    'Makes a new unlisted TIDAL playlist from CSV, M3U/M3U8 or XSPF text (e.g. an export from another app). Tracks are matched by ISRC, then by title, artists and length; the report lists matched, fuzzy and missing tracks. Try dry_run first for a long file.',
  provider: 'tidal',
  scopes: [...TIDAL_PLAYLIST_READ, 'search.read', ...TIDAL_PLAYLIST_WRITE],
  kind: 'write',
  idempotent: false,
  input: importInput,
  output: importOutput,
  run: (input, context) =>
    importPlaylist(
      tidalPlaylists(context),
      tidalService(patientContext(context)),
      input,
      context.progress,
    ),
});
