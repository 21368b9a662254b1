import * as z from 'zod';

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

/** An album as either service describes it. */
export interface AlbumRef {
  id: string;
  title: string;
  artists: string[];
  trackCount?: number;
  /** UPC or EAN barcode, when the service gives it. */
  upc?: string;
}

/** An artist as either service describes it. */
export interface ArtistRef {
  id: string;
  name: string;
}

/** UPC-A and EAN-13 name the same product with or without leading zeros. */
export function sameBarcode(a: string | undefined, b: string | undefined): boolean {
  const bare = (code: string) => code.replace(/\D/g, '').replace(/^0+/, '');
  return a !== undefined && b !== undefined && bare(a) !== '' && bare(a) === bare(b);
}

/** Same normalised title, a shared artist and, where both say, the same number of tracks. */
export function sameAlbum(a: AlbumRef, b: AlbumRef): boolean {
  if (normalise(a.title) !== normalise(b.title)) return false;
  const artists = new Set(a.artists.map(normalise));
  if (!b.artists.some((artist) => artists.has(normalise(artist)))) return false;
  return a.trackCount === undefined || b.trackCount === undefined || a.trackCount === b.trackCount;
}

/** The barcode match if there is one, else the first title + artist + track-count match. */
export function bestAlbum(
  source: AlbumRef,
  candidates: readonly AlbumRef[],
): { album: AlbumRef; matchedBy: 'upc' | 'title' } | undefined {
  const byUpc = candidates.find((candidate) => sameBarcode(source.upc, candidate.upc));
  if (byUpc) return { album: byUpc, matchedBy: 'upc' };
  const byTitle = candidates.find((candidate) => sameAlbum(source, candidate));
  return byTitle ? { album: byTitle, matchedBy: 'title' } : undefined;
}

/**
 * Among artists with the same normalised name, the one whose top tracks share the most ISRCs
 * with the source artist's; with no shared ISRC, the first namesake the search ranked.
 */
export function bestArtist(
  source: ArtistRef,
  sourceIsrcs: ReadonlySet<string>,
  candidates: ReadonlyArray<ArtistRef & { isrcs: readonly string[] }>,
): { artist: ArtistRef; matchedBy: 'top-tracks' | 'name'; sharedTracks: number } | undefined {
  let best: { artist: ArtistRef; sharedTracks: number } | undefined;
  for (const candidate of candidates) {
    if (normalise(candidate.name) !== normalise(source.name)) continue;
    const shared = new Set(candidate.isrcs.filter((isrc) => sourceIsrcs.has(isrc))).size;
    if (!best || shared > best.sharedTracks) {
      best = { artist: { id: candidate.id, name: candidate.name }, sharedTracks: shared };
    }
  }
  if (!best) return undefined;
  return { ...best, matchedBy: best.sharedTracks > 0 ? 'top-tracks' : 'name' };
}
