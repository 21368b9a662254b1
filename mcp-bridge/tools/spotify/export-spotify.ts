import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { exportOutput, exportResult } from '../library/export-run.js';
import { ExportFormat } from '../../../protocol/library-export.js';
import { SPOTIFY_LIBRARY } from '../../../playlist-files/export-file.js';
import { readSpotifySaved } from '../../../playlist-files/spotify-read.js';
import { spotifyPlaylists } from '../library/spotify-playlists.js';
import { getJson } from './spotify-api.js';
import { spotifyId } from './spotify-inputs.js';

export const exportSpotify = defineTool({
  name: 'spotify_export',
  title: 'Export a Spotify playlist or Liked Songs',
  description:
    'A playlist, or Liked Songs without playlist_id, as a JSON, CSV, M3U8 or XSPF file (title, artists, album, length, ISRC, link).',
  provider: 'spotify',
  scopes: ['playlist-read-private', 'user-library-read'],
  kind: 'read',
  idempotent: true,
  input: z.object({
    playlist_id: spotifyId('playlist').optional().describe('Omit to export Liked Songs.'),
    format: ExportFormat.default('csv'),
  }),
  output: exportOutput,
  async run({ playlist_id, format }, context) {
    if (playlist_id) {
      const playlist = await spotifyPlaylists(context).read(playlist_id);
      const source = { kind: 'playlist' as const, id: playlist.id, name: playlist.name };
      return exportResult('spotify', source, playlist.entries, playlist.truncated, format);
    }
    const saved = await readSpotifySaved((path, query, schema, what) =>
      getJson(context, path, query, schema, what),
    );
    const source = { kind: 'library' as const, ...SPOTIFY_LIBRARY };
    return exportResult('spotify', source, saved.entries, saved.truncated, format);
  },
});
