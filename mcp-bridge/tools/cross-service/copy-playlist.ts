import * as z from 'zod';
import { PROVIDER_NAMES } from '../../../protocol/providers.js';
import { defineTool } from '../define-tool.js';
import { matchTracks } from '../library/match-tracks.js';
import { patientContext } from '../library/patient-context.js';
import { ReportTrack, type TrackRef } from './matching.js';
import { SPOTIFY_SCOPES, spotifyService } from './spotify-service.js';
import { TIDAL_SCOPES, tidalService } from './tidal-service.js';

const Service = z.enum(['spotify', 'tidal']);

const input = z.object({
  from: Service.describe('The service the playlist is on now.'),
  playlist_id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{10,40}$/, 'a Spotify or TIDAL playlist id')
    .describe('The source playlist id (Spotify base62 id, or TIDAL UUID).'),
  target_name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe(
      'Name on the other service; default the source’s name. An own playlist with this name is topped up rather than duplicated.',
    ),
});

const output = z.object({
  from: Service,
  to: Service,
  source: z.object({
    id: z.string(),
    name: z.string(),
    tracks: z.number(),
    truncated: z.boolean(),
  }),
  target: z.object({ id: z.string(), name: z.string(), created: z.boolean(), url: z.string() }),
  matched: z.array(ReportTrack),
  fuzzyMatched: z.array(ReportTrack),
  missing: z.array(ReportTrack),
  added: z.number(),
  alreadyThere: z.number(),
});
type Output = z.infer<typeof output>;

export const copyPlaylist = defineTool({
  name: 'copy_playlist',
  title: 'Copy a playlist between Spotify and TIDAL',
  description:
    'Copy a playlist from Spotify to TIDAL or back, matching by ISRC, then title, artist and length; reports exact, fuzzy and missing tracks. A rerun adds only what is missing.',
  provider: 'tidal',
  scopes: TIDAL_SCOPES,
  otherProviders: { spotify: SPOTIFY_SCOPES },
  kind: 'write',
  idempotent: true,
  input,
  output,
  async run({ from, playlist_id, target_name }, context) {
    // Thousands of requests for a long playlist: wait out rate limits rather than fail.
    const patient = patientContext(context);
    const services = { spotify: spotifyService(patient), tidal: tidalService(patient) };
    const to: 'spotify' | 'tidal' = from === 'spotify' ? 'tidal' : 'spotify';
    const source = services[from];
    const target = services[to];
    context.progress(`Reading the ${PROVIDER_NAMES[from]} playlist`);
    const playlist = await source.readPlaylist(playlist_id);
    const name = target_name ?? playlist.name;

    const found = await matchTracks(dedupe(playlist.tracks), target, context.progress);

    let targetId = await target.findOwnPlaylist(name);
    const created = targetId === undefined;
    targetId ??= await target.createPlaylist(
      name,
      `Copied from ${from === 'spotify' ? 'Spotify' : 'TIDAL'} by TuneBridge`,
    );
    const existing = created
      ? new Set<string>()
      : new Set((await target.readPlaylist(targetId)).tracks.map((t) => t.id));
    const toAdd = found.targetIds.filter((id) => !existing.has(id));
    if (toAdd.length > 0) {
      context.progress(`Adding ${toAdd.length} tracks to “${name}” on ${PROVIDER_NAMES[to]}`);
      await target.addTracks(targetId, toAdd);
    }

    const out: Output = {
      from,
      to,
      source: {
        id: playlist_id,
        name: playlist.name,
        tracks: playlist.tracks.length,
        truncated: playlist.truncated,
      },
      target: { id: targetId, name, created, url: target.url('playlist', targetId) },
      matched: found.matched,
      fuzzyMatched: found.fuzzy,
      missing: found.missing,
      added: toAdd.length,
      // Counted per source track: two that are one recording on the target count twice.
      alreadyThere: found.matched.length + found.fuzzy.length - toAdd.length,
    };
    return { structured: out, text: describe(out) };
  },
});

function dedupe(tracks: readonly TrackRef[]): TrackRef[] {
  const seen = new Set<string>();
  return tracks.filter((track) => !seen.has(track.id) && seen.add(track.id));
}

function describe(out: Output): string {
  const names = { spotify: 'Spotify', tidal: 'TIDAL' };
  const list = (tracks: ReportTrack[]) =>
    tracks.map((t, i) => `${i + 1}. ${t.title} — ${t.artists.join(', ')}`).join('\n');
  const lines = [
    `${out.target.created ? 'Copied' : 'Topped up'} “${out.source.name}” from ${names[out.from]} to ${names[out.to]} as “${out.target.name}” · ${out.target.url}`,
    `${out.matched.length} matched by ISRC, ${out.fuzzyMatched.length} by title and artist, ${out.missing.length} not found; added ${out.added}, ${out.alreadyThere} already there.`,
  ];
  if (out.fuzzyMatched.length)
    lines.push(`Matched by title and artist (worth a check):\n${list(out.fuzzyMatched)}`);
  if (out.missing.length) lines.push(`Not on ${names[out.to]}:\n${list(out.missing)}`);
  if (out.source.truncated)
    lines.push(
      'The source playlist was longer than TuneBridge reads in one go; only its first part was copied.',
    );
  return lines.join('\n\n');
}
