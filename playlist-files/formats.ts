import { ExportFormat } from '../protocol/library-export.js';
import type { Entry } from './entry.js';

/**
 * Playlist files: what export writes and import reads (CSV, M3U/M3U8, XSPF; JSON export only).
 * Shared by the bridge's export tools and the host's export for the window, so both give the
 * same bytes for the same playlist.
 */

export { ExportFormat };

export const MIME_TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  m3u8: 'audio/x-mpegurl',
  xspf: 'application/xspf+xml',
};

const CSV_COLUMNS = [
  'title',
  'artists',
  'album',
  'duration_ms',
  'isrc',
  'release_date',
  'added_at',
  'url',
] as const;

function csvField(value: string): string {
  // A leading = + - @ would run as a formula when the file is opened in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const xml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The playlist as a file in `format`; `url` gives each track's link on its service. */
export function serialise(
  name: string,
  entries: readonly Entry[],
  format: ExportFormat,
  url: (trackId: string) => string,
): string {
  switch (format) {
    case 'json':
      return JSON.stringify(
        {
          name,
          tracks: entries.map((e) => ({
            title: e.title,
            artists: e.artists,
            album: e.album,
            durationMs: e.durationMs,
            isrc: e.isrc,
            releaseDate: e.releaseDate,
            addedAt: e.addedAt,
            url: url(e.trackId),
          })),
        },
        null,
        2,
      );
    case 'csv':
      return [
        CSV_COLUMNS.join(','),
        ...entries.map((e) =>
          [
            e.title,
            e.artists.join('; '),
            e.album ?? '',
            String(e.durationMs),
            e.isrc ?? '',
            e.releaseDate ?? '',
            e.addedAt ?? '',
            url(e.trackId),
          ]
            .map(csvField)
            .join(','),
        ),
      ].join('\n');
    case 'm3u8':
      return [
        '#EXTM3U',
        `#PLAYLIST:${name.replace(/\s+/g, ' ')}`,
        ...entries.flatMap((e) => [
          `#EXTINF:${Math.round(e.durationMs / 1000)},${e.artists.join(', ')} - ${e.title}`.replace(
            /[\r\n]+/g,
            ' ',
          ),
          url(e.trackId),
        ]),
      ].join('\n');
    case 'xspf':
      return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<playlist version="1" xmlns="http://xspf.org/ns/0/">',
        `  <title>${xml(name)}</title>`,
        '  <trackList>',
        ...entries.map((e) =>
          [
            '    <track>',
            `      <location>${xml(url(e.trackId))}</location>`,
            ...(e.isrc ? [`      <identifier>urn:isrc:${xml(e.isrc)}</identifier>`] : []),
            `      <title>${xml(e.title)}</title>`,
            `      <creator>${xml(e.artists.join(', '))}</creator>`,
            ...(e.album ? [`      <album>${xml(e.album)}</album>`] : []),
            `      <duration>${e.durationMs}</duration>`,
            '    </track>',
          ].join('\n'),
        ),
        '  </trackList>',
        '</playlist>',
      ].join('\n');
  }
}
