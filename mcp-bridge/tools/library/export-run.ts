import * as z from 'zod';
import { PROVIDER_NAMES, type ProviderId } from '../../../protocol/providers.js';
import type { ToolResult } from '../define-tool.js';
import { ExportFormat } from '../../../protocol/library-export.js';
import type { Entry } from '../../../playlist-files/entry.js';
import { exportFile } from '../../../playlist-files/export-file.js';

/** Shared by spotify_export and tidal_export: the file as an embedded resource, and a summary. */

export const exportOutput = z.object({
  source: z.object({ kind: z.enum(['playlist', 'library']), id: z.string(), name: z.string() }),
  format: ExportFormat,
  tracks: z.number(),
  truncated: z.boolean(),
  resourceUri: z.string(),
  mimeType: z.string(),
  bytes: z.number(),
});

export function exportResult(
  service: ProviderId,
  source: { kind: 'playlist' | 'library'; id: string; name: string },
  entries: readonly Entry[],
  truncated: boolean,
  format: ExportFormat,
): ToolResult<z.infer<typeof exportOutput>> {
  const { fileName: file, mimeType, text } = exportFile(service, source.name, entries, format);
  const uri = `tunebridge://export/${service}/${source.kind}/${encodeURIComponent(source.id)}/${encodeURIComponent(file)}`;
  return {
    structured: {
      source,
      format,
      tracks: entries.length,
      truncated,
      resourceUri: uri,
      mimeType,
      bytes: Buffer.byteLength(text),
    },
    text:
      `Exported ${entries.length} tracks of “${source.name}” (${PROVIDER_NAMES[service]}) as ${format.toUpperCase()}: ${file}, attached.` +
      (truncated
        ? ' The source was longer than TuneBridge reads in one go; only its first part is in the file.'
        : ''),
    resources: [{ uri, mimeType, text }],
  };
}
