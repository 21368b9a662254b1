import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { exportOutput, exportResult } from '../library/export-run.js';
import { ExportFormat } from '../library/formats.js';
import { MAX_ENTRIES, type Entry } from '../library/playlist-access.js';
import { spotifyEntry, spotifyPlaylists } from '../library/spotify-playlists.js';
import { getJson } from './spotify-api.js';
import { spotifyId } from './spotify-inputs.js';

const SavedPage = z.object({
  items: z.array(z.object({ added_at: z.string().optional(), track: z.unknown() }).loose()),
  next: z.string().nullable().optional(),
});

export const exportSpotify = defineTool({
  name: 'spotify_export',
  title: 'Export a Spotify playlist or Liked Songs',
  description:
    'Exports a playlist (or, without playlist_id, the person’s Liked Songs) as JSON, CSV, M3U8 or XSPF, attached as a file (an embedded resource) with title, artists, album, length, ISRC and link per track.',
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
    const url = (id: string) => `https://open.spotify.com/track/${id}`;
    if (playlist_id) {
      const playlist = await spotifyPlaylists(context).read(playlist_id);
      const source = { kind: 'playlist' as const, id: playlist.id, name: playlist.name };
      return exportResult('spotify', source, playlist.entries, playlist.truncated, format, url);
    }
    const entries: Entry[] = [];
    let truncated = true;
    for (let offset = 0; offset < MAX_ENTRIES; offset += 50) {
      const page = await getJson(
        context,
        '/v1/me/tracks',
        { limit: '50', offset: String(offset) },
        SavedPage,
        'read your Liked Songs',
      );
      for (const [i, item] of page.items.entries()) {
        const entry = spotifyEntry(item.track, offset + i, item.added_at);
        if (entry) entries.push(entry);
      }
      if (!page.next || page.items.length === 0) {
        truncated = false;
        break;
      }
    }
    const source = { kind: 'library' as const, id: 'liked-songs', name: 'Liked Songs' };
    return exportResult('spotify', source, entries, truncated, format, url);
  },
});
