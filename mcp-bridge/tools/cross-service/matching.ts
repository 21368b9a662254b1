import { z } from 'zod';

/** A track as either service describes it, enough to find it on the other. */
export interface TrackRef {
  id: string;
  title: string;
  artists: string[];
  durationMs: number;
  isrc?: string;
}

export const ReportTrack = z.object({
  title: z.string(),
  artists: z.array(z.string()),
  isrc: z.string().optional(),
  sourceId: z.string(),
  targetId: z.string().optional(),
});
export type ReportTrack = z.infer<typeof ReportTrack>;

/** Lower case, accents and punctuation gone, "(feat. …)", "- Remastered 2011" and the like dropped. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s[-–]\s.*(remaster|version|edit|mix|live|mono|stereo).*$/, '')
    .replace(/[([][^)\]]*(feat|ft\.|with|remaster|version|edit)[^)\]]*[)\]]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Durations within 3 seconds (or 2 %) count as the same recording. */
const DURATION_SLACK_MS = 3_000;

/** Same normalised title, a shared artist and about the same length. */
export function sameSong(a: TrackRef, b: TrackRef): boolean {
  if (normalise(a.title) !== normalise(b.title)) return false;
  const artists = new Set(a.artists.map(normalise));
  if (!b.artists.some((artist) => artists.has(normalise(artist)))) return false;
  const slack = Math.max(DURATION_SLACK_MS, a.durationMs * 0.02);
  return Math.abs(a.durationMs - b.durationMs) <= slack;
}

export function reportTrack(source: TrackRef, targetId?: string): ReportTrack {
  return {
    title: source.title,
    artists: source.artists,
    ...(source.isrc ? { isrc: source.isrc } : {}),
    sourceId: source.id,
    ...(targetId ? { targetId } : {}),
  };
}

/** A search query for the title and first artist, without characters search engines choke on. */
export function searchText(track: TrackRef): string {
  return `${track.title} ${track.artists[0] ?? ''}`
    .replace(/["():]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}
