import type { ProviderId } from '../protocol/providers.js';
import type { Entry } from './entry.js';
import { MIME_TYPES, serialise, type ExportFormat } from './formats.js';

/** A track's page on its service: the link every exported file carries. */
export function trackUrl(service: ProviderId, trackId: string): string {
  return service === 'spotify'
    ? `https://open.spotify.com/track/${trackId}`
    : `https://tidal.com/browse/track/${trackId}`;
}

/** The file's name: the source's letters and digits, dashes between, and the format. */
export function exportFileName(sourceName: string, format: ExportFormat): string {
  const stem = sourceName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'playlist';
  return `${stem}.${format}`;
}

/** The whole export of one source: its file name, MIME type and text. */
export function exportFile(
  service: ProviderId,
  sourceName: string,
  entries: readonly Entry[],
  format: ExportFormat,
): { fileName: string; mimeType: string; text: string } {
  return {
    fileName: exportFileName(sourceName, format),
    mimeType: MIME_TYPES[format],
    text: serialise(sourceName, entries, format, (id) => trackUrl(service, id)),
  };
}

/** What each service calls the saved tracks, as the export's source. */
export const SPOTIFY_LIBRARY = { id: 'liked-songs', name: 'Liked Songs' } as const;
export const TIDAL_LIBRARY = { id: 'favourite-tracks', name: 'Favourite tracks' } as const;
