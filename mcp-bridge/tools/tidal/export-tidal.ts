import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { exportOutput, exportResult } from '../library/export-run.js';
import { ExportFormat } from '../../../protocol/library-export.js';
import { TIDAL_LIBRARY } from '../../../playlist-files/export-file.js';
import { readTidalFavourites } from '../../../playlist-files/tidal-read.js';
import { tidalPlaylists } from '../library/tidal-playlists.js';
import { jsonGet, profile } from './tidal-api.js';
import { PlaylistId } from './tidal-items.js';

export const exportTidal = defineTool({
  name: 'tidal_export',
  title: 'Export a TIDAL playlist or favourite tracks',
  description:
    'A TIDAL playlist, or favourite tracks without playlist_id, as a JSON, CSV, M3U8 or XSPF file (title, artists, album, length, ISRC, link).',
  provider: 'tidal',
  scopes: ['user.read', 'playlists.read', 'collection.read'],
  kind: 'read',
  idempotent: true,
  input: z.object({
    playlist_id: PlaylistId.optional().describe('Omit to export favourite tracks.'),
    format: ExportFormat.default('csv'),
  }),
  output: exportOutput,
  async run({ playlist_id, format }, context) {
    if (playlist_id) {
      const playlist = await tidalPlaylists(context).read(playlist_id);
      const source = { kind: 'playlist' as const, id: playlist.id, name: playlist.name };
      return exportResult('tidal', source, playlist.entries, playlist.truncated, format);
    }
    const me = await profile(context);
    const favourites = await readTidalFavourites(jsonGet(context), me.id, me.country);
    const source = { kind: 'library' as const, ...TIDAL_LIBRARY };
    return exportResult('tidal', source, favourites.entries, favourites.truncated, format);
  },
});
