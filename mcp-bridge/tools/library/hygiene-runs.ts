import * as z from 'zod';
import { PROVIDER_NAMES } from '../../../protocol/providers.js';
import type { ToolResult } from '../define-tool.js';
import { ToolError } from '../tool-error.js';
import {
  combine,
  CombineMode,
  DuplicateMode,
  findDuplicates,
  SortKey,
  sortEntries,
} from './hygiene.js';
import type { Entry, PlaylistAccess, PlaylistContents } from './playlist-access.js';

/** The runs behind the Spotify and TIDAL hygiene tools: same inputs, outputs and text for both. */

export const ReportEntry = z.object({
  position: z.number(),
  trackId: z.string(),
  title: z.string(),
  artists: z.array(z.string()),
  isrc: z.string().optional(),
});
const report = (entry: Entry): z.infer<typeof ReportEntry> => ({
  position: entry.position,
  trackId: entry.trackId,
  title: entry.title,
  artists: entry.artists,
  ...(entry.isrc ? { isrc: entry.isrc } : {}),
});
const line = (entry: Entry) =>
  `#${entry.position + 1} ${entry.title} — ${entry.artists.join(', ')}`;

const DryRunFirst = z
  .boolean()
  .default(true)
  .describe('Only report what would change (the default); run again with false to change it.');

function refuseTruncated(playlist: PlaylistContents): void {
  if (playlist.truncated)
    throw new ToolError(
      'too_large',
      `“${playlist.name}” is longer than TuneBridge reads in one go, so it was left unchanged. Split it into smaller playlists first.`,
    );
}

export const duplicatesInput = (playlistId: z.ZodType<string>) =>
  z.object({ playlist_id: playlistId, match: DuplicateMode, dry_run: DryRunFirst });
export const duplicatesOutput = z.object({
  playlistId: z.string(),
  name: z.string(),
  dryRun: z.boolean(),
  duplicates: z.array(ReportEntry.extend({ reason: z.string(), keepsPosition: z.number() })),
  removed: z.number(),
});

export async function removeDuplicates(
  access: PlaylistAccess,
  input: { playlist_id: string; match: 'id' | 'isrc'; dry_run: boolean },
): Promise<ToolResult<z.infer<typeof duplicatesOutput>>> {
  const playlist = await access.read(input.playlist_id);
  const duplicates = findDuplicates(playlist.entries, input.match);
  if (!input.dry_run && duplicates.length > 0) {
    refuseTruncated(playlist);
    await access.removeEntries(
      playlist,
      duplicates.map((d) => d.entry),
    );
  }
  const structured = {
    playlistId: playlist.id,
    name: playlist.name,
    dryRun: input.dry_run,
    duplicates: duplicates.map((d) => ({
      ...report(d.entry),
      reason: d.reason,
      keepsPosition: d.keeps.position,
    })),
    removed: input.dry_run ? 0 : duplicates.length,
  };
  const list = duplicates
    .slice(0, 50)
    .map((d) => `${line(d.entry)} (${d.reason} as #${d.keeps.position + 1})`)
    .join('\n');
  const head =
    duplicates.length === 0
      ? `“${playlist.name}” has no duplicates.`
      : input.dry_run
        ? `Dry run: “${playlist.name}” has ${duplicates.length} duplicates; the first occurrence of each would stay. Run again with dry_run false to remove them.`
        : `Removed ${duplicates.length} duplicates from “${playlist.name}”; the first occurrence of each stayed.`;
  return { structured, text: list ? `${head}\n${list}` : head };
}

export const sortInput = (playlistId: z.ZodType<string>) =>
  z.object({
    playlist_id: playlistId,
    by: SortKey,
    descending: z.boolean().default(false).describe('Newest, longest or Z first.'),
    dry_run: DryRunFirst,
  });
export const sortOutput = z.object({
  playlistId: z.string(),
  name: z.string(),
  dryRun: z.boolean(),
  by: SortKey,
  tracks: z.number(),
  firstTracks: z.array(ReportEntry),
  changed: z.boolean(),
});

export async function sortPlaylist(
  access: PlaylistAccess,
  input: { playlist_id: string; by: SortKey; descending: boolean; dry_run: boolean },
  note: string,
): Promise<ToolResult<z.infer<typeof sortOutput>>> {
  const playlist = await access.read(input.playlist_id);
  const sorted = sortEntries(playlist.entries, input.by, input.descending);
  const changed = sorted.some((entry, i) => entry.position !== playlist.entries[i]?.position);
  if (!input.dry_run && changed) {
    refuseTruncated(playlist);
    if (playlist.otherItems > 0)
      throw new ToolError(
        'not_only_tracks',
        `“${playlist.name}” also holds ${playlist.otherItems} episodes, videos or unavailable items, which sorting would drop, so it was left unchanged. Remove them first, then sort.`,
      );
    await access.replaceAll(
      playlist,
      sorted.map((entry) => entry.trackId),
    );
  }
  const structured = {
    playlistId: playlist.id,
    name: playlist.name,
    dryRun: input.dry_run,
    by: input.by,
    tracks: sorted.length,
    firstTracks: sorted.slice(0, 20).map(report),
    changed,
  };
  const order = `by ${input.by.replace('_', ' ')}${input.descending ? ', descending' : ''}`;
  const head = !changed
    ? `“${playlist.name}” is already sorted ${order}.`
    : input.dry_run
      ? `Dry run: “${playlist.name}” sorted ${order} would start like this (run again with dry_run false to sort it; ${note}):`
      : `Sorted “${playlist.name}” ${order} (${note}). It now starts:`;
  const first = changed
    ? sorted
        .slice(0, 10)
        .map((e, i) => `${i + 1}. ${e.title} — ${e.artists.join(', ')}`)
        .join('\n')
    : '';
  return { structured, text: first ? `${head}\n${first}` : head };
}

export const combineInput = (playlistId: z.ZodType<string>) =>
  z.object({
    playlist_ids: z
      .array(playlistId)
      .min(2)
      .max(10)
      .describe('The playlists; order matters for difference.'),
    mode: CombineMode,
    name: z.string().trim().min(1).max(100).describe('Name of the new playlist.'),
    dry_run: z.boolean().default(false).describe('Only report what the new playlist would hold.'),
  });
export const combineOutput = z.object({
  mode: CombineMode,
  dryRun: z.boolean(),
  sources: z.array(z.object({ id: z.string(), name: z.string(), tracks: z.number() })),
  tracks: z.number(),
  playlist: z.object({ id: z.string(), name: z.string(), url: z.string() }).optional(),
});

export async function combinePlaylists(
  access: PlaylistAccess,
  input: { playlist_ids: string[]; mode: CombineMode; name: string; dry_run: boolean },
): Promise<ToolResult<z.infer<typeof combineOutput>>> {
  const sources: PlaylistContents[] = [];
  for (const id of input.playlist_ids) sources.push(await access.read(id));
  const tracks = combine(
    sources.map((s) => s.entries),
    input.mode,
  );
  let playlist: z.infer<typeof combineOutput>['playlist'];
  if (!input.dry_run) {
    const names = sources.map((s) => `“${s.name}”`).join(', ');
    const id = await access.create(input.name, `${input.mode} of ${names}, by TuneBridge`);
    await access.append(
      id,
      tracks.map((t) => t.trackId),
    );
    playlist = { id, name: input.name, url: access.url(id) };
  }
  const structured = {
    mode: input.mode,
    dryRun: input.dry_run,
    sources: sources.map((s) => ({ id: s.id, name: s.name, tracks: s.entries.length })),
    tracks: tracks.length,
    ...(playlist ? { playlist } : {}),
  };
  const from = sources.map((s) => `“${s.name}” (${s.entries.length})`).join(', ');
  const service = PROVIDER_NAMES[access.service];
  const text = playlist
    ? `Made “${playlist.name}” on ${service} with ${tracks.length} tracks, the ${input.mode} of ${from} · ${playlist.url}`
    : `Dry run: the ${input.mode} of ${from} holds ${tracks.length} tracks. Run again with dry_run false to make “${input.name}”.`;
  return { structured, text };
}
