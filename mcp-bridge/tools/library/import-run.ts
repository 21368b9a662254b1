import * as z from 'zod';
import { PROVIDER_NAMES } from '../../../protocol/providers.js';
import { ReportTrack } from '../cross-service/matching.js';
import type { MusicService } from '../cross-service/service.js';
import type { ToolResult } from '../define-tool.js';
import { ToolError } from '../tool-error.js';
import { matchTracks } from './match-tracks.js';
import { ImportFormat, parseTracks } from './parse-tracks.js';
import type { PlaylistAccess } from './playlist-access.js';

/** Shared by spotify_import_playlist and tidal_import_playlist. */

export const importInput = z.object({
  text: z
    .string()
    .min(1)
    .max(5_000_000)
    .describe(
      'The file’s contents: CSV with a header row (title, artist, duration, isrc), M3U/M3U8, or XSPF.',
    ),
  format: ImportFormat,
  name: z.string().trim().min(1).max(100).describe('Name of the new playlist.'),
  dry_run: z.boolean().default(false).describe('Only match and report; make no playlist.'),
});

export const importOutput = z.object({
  dryRun: z.boolean(),
  read: z.number(),
  matched: z.array(ReportTrack),
  fuzzyMatched: z.array(ReportTrack),
  missing: z.array(ReportTrack),
  added: z.number(),
  playlist: z.object({ id: z.string(), name: z.string(), url: z.string() }).optional(),
});

const MAX_TRACKS = 10_000;

export async function importPlaylist(
  access: PlaylistAccess,
  service: MusicService,
  input: z.infer<typeof importInput>,
  say: (step: string) => void,
): Promise<ToolResult<z.infer<typeof importOutput>>> {
  const tracks = parseTracks(input.text, input.format);
  if (tracks.length === 0)
    throw new ToolError(
      'nothing_to_import',
      'No tracks found in that text. A CSV needs a header row with a title (or name) column, an M3U needs #EXTINF lines, an XSPF <track> elements.',
    );
  if (tracks.length > MAX_TRACKS)
    throw new ToolError(
      'too_large',
      `That file lists ${tracks.length} tracks; import at most ${MAX_TRACKS} at once.`,
    );
  const found = await matchTracks(
    tracks.map((t, i) => ({ ...t, id: `line ${i + 1}` })),
    service,
    say,
  );
  let playlist: z.infer<typeof importOutput>['playlist'];
  if (!input.dry_run) {
    say(`Adding ${found.targetIds.length} tracks to “${input.name}”`);
    const id = await access.create(input.name, 'Imported by TuneBridge');
    await access.append(id, found.targetIds);
    playlist = { id, name: input.name, url: access.url(id) };
  }
  const structured = {
    dryRun: input.dry_run,
    read: tracks.length,
    matched: found.matched,
    fuzzyMatched: found.fuzzy,
    missing: found.missing,
    added: playlist ? found.targetIds.length : 0,
    ...(playlist ? { playlist } : {}),
  };
  const list = (items: ReportTrack[]) =>
    items
      .slice(0, 30)
      .map((t) => `- ${t.title}${t.artists.length ? ` — ${t.artists.join(', ')}` : ''}`)
      .join('\n');
  const lines = [
    playlist
      ? `Imported ${tracks.length} tracks into “${playlist.name}” on ${PROVIDER_NAMES[access.service]} · ${playlist.url}`
      : `Dry run: of ${tracks.length} tracks, ${found.targetIds.length} would go into “${input.name}” on ${PROVIDER_NAMES[access.service]}.`,
    `${found.matched.length} matched by ISRC, ${found.fuzzy.length} by title, artists and length (worth a check), ${found.missing.length} not found.`,
  ];
  if (found.fuzzy.length) lines.push(`Matched by title and artists:\n${list(found.fuzzy)}`);
  if (found.missing.length) lines.push(`Not found:\n${list(found.missing)}`);
  return { structured, text: lines.join('\n\n') };
}
