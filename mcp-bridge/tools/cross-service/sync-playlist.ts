import * as z from 'zod';
import type { ProviderId } from '../../../protocol/providers.js';
import { PROVIDER_NAMES } from '../../../protocol/providers.js';
import { defineTool, type ToolContext } from '../define-tool.js';
import { ToolError } from '../tool-error.js';
import { ReportEntry } from '../library/hygiene-runs.js';
import { matchTracks } from '../library/match-tracks.js';
import { patientContext } from '../library/patient-context.js';
import type { Entry, PlaylistAccess } from '../library/playlist-access.js';
import {
  SPOTIFY_PLAYLIST_READ,
  SPOTIFY_PLAYLIST_WRITE,
  spotifyPlaylists,
} from '../library/spotify-playlists.js';
import {
  TIDAL_PLAYLIST_READ,
  TIDAL_PLAYLIST_WRITE,
  tidalPlaylists,
} from '../library/tidal-playlists.js';
import { ReportTrack } from './matching.js';
import type { MusicService } from './service.js';
import { spotifyService } from './spotify-service.js';
import { tidalService } from './tidal-service.js';

const Service = z.enum(['spotify', 'tidal']);
const PlaylistRef = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{10,40}$/, 'a Spotify or TIDAL playlist id');

const output = z.object({
  dryRun: z.boolean(),
  source: z.object({ service: Service, id: z.string(), name: z.string(), tracks: z.number() }),
  target: z.object({ service: Service, id: z.string(), name: z.string(), url: z.string() }),
  toAdd: z.number(),
  toRemove: z.array(ReportEntry),
  fuzzyMatched: z.array(ReportTrack),
  missing: z.array(ReportTrack),
  inStep: z.boolean(),
});

const access = (context: ToolContext, id: ProviderId): PlaylistAccess =>
  id === 'spotify' ? spotifyPlaylists(context) : tidalPlaylists(context);
const catalog = (context: ToolContext, id: ProviderId): MusicService =>
  id === 'spotify'
    ? spotifyService(patientContext(context))
    : tidalService(patientContext(context));

export const syncPlaylist = defineTool({
  name: 'sync_playlist',
  title: 'Keep a playlist in step with another',
  description:
    'Makes a target playlist (on Spotify or TIDAL, one the person owns) hold the same tracks as a source playlist on either service: adds what it lacks, removes what the source no longer has. One direction only; running it again changes nothing. Dry run by default: report, then run with dry_run false. Tracks are matched by ISRC, then title, artists and length.',
  provider: 'spotify',
  scopes: [...SPOTIFY_PLAYLIST_READ, ...SPOTIFY_PLAYLIST_WRITE],
  otherProviders: { tidal: [...TIDAL_PLAYLIST_READ, 'search.read', ...TIDAL_PLAYLIST_WRITE] },
  kind: 'destructive',
  idempotent: true,
  input: z.object({
    from: Service.describe('Service of the source playlist.'),
    source_playlist_id: PlaylistRef,
    to: Service.describe('Service of the target playlist.'),
    target_playlist_id: PlaylistRef,
    dry_run: z
      .boolean()
      .default(true)
      .describe('Only report what would change (the default); run again with false to apply.'),
  }),
  output,
  async run(input, context) {
    if (input.from === input.to && input.source_playlist_id === input.target_playlist_id)
      throw new ToolError('same_playlist', 'The source and the target are the same playlist.');
    context.progress('Reading both playlists');
    const source = await access(context, input.from).read(input.source_playlist_id);
    const targetAccess = access(context, input.to);
    const target = await targetAccess.read(input.target_playlist_id);
    if (source.truncated || target.truncated)
      throw new ToolError(
        'too_large',
        'One of the playlists is longer than TuneBridge reads in one go, so nothing was synced.',
      );

    // What the target already holds needs no look-up: same id (same service) or same ISRC.
    const targetByIsrc = new Map(
      target.entries.flatMap((e) => (e.isrc ? [[e.isrc.toUpperCase(), e.trackId]] : [])),
    );
    const targetIds = new Set(target.entries.map((e) => e.trackId));
    const known = (entry: Entry) =>
      input.from === input.to
        ? entry.trackId
        : entry.isrc
          ? targetByIsrc.get(entry.isrc.toUpperCase())
          : undefined;
    const unknown = source.entries.filter((entry) => !known(entry));
    const found =
      input.from === input.to
        ? { targetIds: [], matched: [], fuzzy: [], missing: [] }
        : await matchTracks(
            unknown.map((e) => ({ ...e, id: e.trackId })),
            catalog(context, input.to),
            context.progress,
          );
    const wanted = new Set([...source.entries.flatMap((e) => known(e) ?? []), ...found.targetIds]);
    const toAdd = [...wanted].filter((id) => !targetIds.has(id));
    const toRemove = target.entries.filter((e) => !wanted.has(e.trackId));

    if (!input.dry_run && (toAdd.length || toRemove.length)) {
      context.progress(
        `Changing “${target.name}”: adding ${toAdd.length}, removing ${toRemove.length}`,
      );
    }
    if (!input.dry_run) {
      if (toRemove.length) await targetAccess.removeEntries(target, toRemove);
      if (toAdd.length) await targetAccess.append(target.id, toAdd);
    }
    const structured: z.infer<typeof output> = {
      dryRun: input.dry_run,
      source: {
        service: input.from,
        id: source.id,
        name: source.name,
        tracks: source.entries.length,
      },
      target: {
        service: input.to,
        id: target.id,
        name: target.name,
        url: targetAccess.url(target.id),
      },
      toAdd: toAdd.length,
      toRemove: toRemove.map((e) => ({
        position: e.position,
        trackId: e.trackId,
        title: e.title,
        artists: e.artists,
        ...(e.isrc ? { isrc: e.isrc } : {}),
      })),
      fuzzyMatched: found.fuzzy,
      missing: found.missing,
      inStep: toAdd.length === 0 && toRemove.length === 0,
    };
    return { structured, text: describe(structured) };
  },
});

function describe(out: z.infer<typeof output>): string {
  const from = `“${out.source.name}” (${PROVIDER_NAMES[out.source.service]})`;
  const to = `“${out.target.name}” (${PROVIDER_NAMES[out.target.service]})`;
  const lines = [
    out.inStep
      ? `${to} is already in step with ${from}; nothing to change.`
      : out.dryRun
        ? `Dry run: to follow ${from}, ${to} would gain ${out.toAdd} tracks and lose ${out.toRemove.length}. Run again with dry_run false to apply.`
        : `Synced ${to} with ${from}: added ${out.toAdd}, removed ${out.toRemove.length} · ${out.target.url}`,
  ];
  if (out.toRemove.length)
    lines.push(
      `${out.dryRun ? 'Would remove' : 'Removed'}:\n${out.toRemove
        .slice(0, 30)
        .map((e) => `- ${e.title} — ${e.artists.join(', ')}`)
        .join('\n')}`,
    );
  if (out.fuzzyMatched.length)
    lines.push(`${out.fuzzyMatched.length} matched by title, artists and length (worth a check).`);
  if (out.missing.length)
    lines.push(
      `Not on ${PROVIDER_NAMES[out.target.service]} (${out.missing.length}):\n${out.missing
        .slice(0, 30)
        .map((t) => `- ${t.title} — ${t.artists.join(', ')}`)
        .join('\n')}`,
    );
  return lines.join('\n\n');
}
