import * as z from 'zod';
import { PROVIDER_NAMES } from '../../../protocol/providers.js';
import { defineTool } from '../define-tool.js';
import { patientContext } from '../library/patient-context.js';
import { reportTrack, ReportTrack, sameSong, searchText, type TrackRef } from './matching.js';
import type { MusicService } from './service.js';
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

    const unique = dedupe(playlist.tracks);
    const { matched, fuzzy, missing } = await matchAll(unique, target, context.progress);

    let targetId = await target.findOwnPlaylist(name);
    const created = targetId === undefined;
    targetId ??= await target.createPlaylist(
      name,
      `Copied from ${from === 'spotify' ? 'Spotify' : 'TIDAL'} by TuneBridge`,
    );
    const existing = created
      ? new Set<string>()
      : new Set((await target.readPlaylist(targetId)).tracks.map((t) => t.id));
    const wanted = [...matched, ...fuzzy].sort((a, b) => a.order - b.order).map((m) => m.targetId);
    const toAdd = [...new Set(wanted)].filter((id) => !existing.has(id));
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
      matched: matched.map((m) => reportTrack(m.source, m.targetId)),
      fuzzyMatched: fuzzy.map((m) => reportTrack(m.source, m.targetId)),
      missing: missing.map((track) => reportTrack(track)),
      added: toAdd.length,
      alreadyThere: wanted.length - toAdd.length,
    };
    return { structured: out, text: describe(out) };
  },
});

interface Match {
  source: TrackRef;
  targetId: string;
  order: number;
}

function dedupe(tracks: readonly TrackRef[]): TrackRef[] {
  const seen = new Set<string>();
  return tracks.filter((track) => !seen.has(track.id) && seen.add(track.id));
}

async function matchAll(
  tracks: readonly TrackRef[],
  target: MusicService,
  say: (step: string) => void,
) {
  const service = PROVIDER_NAMES[target.id];
  const isrcs = tracks.flatMap((track) => (track.isrc ? [track.isrc] : []));
  say(`Looking up ${tracks.length} tracks on ${service} by ISRC`);
  const byIsrc = await target.byIsrc(isrcs);
  const toSearch = tracks.filter((track) => !(track.isrc && byIsrc.get(track.isrc))).length;
  let searches = 0;
  const matched: Match[] = [];
  const fuzzy: Match[] = [];
  const missing: TrackRef[] = [];
  for (const [order, track] of tracks.entries()) {
    const exact = track.isrc ? byIsrc.get(track.isrc) : undefined;
    if (exact) {
      matched.push({ source: track, targetId: exact, order });
      continue;
    }
    searches += 1;
    say(`Searching ${service} by title and artists: ${searches} of ${toSearch}`);
    const candidates = await target.search(searchText(track));
    const hit = candidates.find((candidate) => sameSong(track, candidate));
    if (hit) fuzzy.push({ source: track, targetId: hit.id, order });
    else missing.push(track);
  }
  return { matched, fuzzy, missing };
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
