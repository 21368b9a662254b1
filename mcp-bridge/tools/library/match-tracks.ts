import { reportTrack, sameSong, searchText, type TrackRef } from '../cross-service/matching.js';
import type { MusicService } from '../cross-service/service.js';
import { PROVIDER_NAMES } from '../../../protocol/providers.js';

/** Finding tracks on a service: batched ISRC look-ups first, then one search per leftover. */

export interface WantedTrack {
  /** An id for the report: the source track id, or the line in an imported file. */
  id: string;
  title: string;
  artists: string[];
  durationMs?: number;
  isrc?: string;
}

export interface TrackMatches {
  /** Target track ids in the source's order (found ones only, repeats kept out). */
  targetIds: string[];
  matched: Array<ReturnType<typeof reportTrack>>;
  fuzzy: Array<ReturnType<typeof reportTrack>>;
  missing: Array<ReturnType<typeof reportTrack>>;
}

/** `say` hears each step, for the call's progress. */
export async function matchTracks(
  tracks: readonly WantedTrack[],
  target: MusicService,
  say: (step: string) => void = () => undefined,
): Promise<TrackMatches> {
  const service = PROVIDER_NAMES[target.id];
  const isrcs = [...new Set(tracks.flatMap((t) => (t.isrc ? [t.isrc.toUpperCase()] : [])))];
  if (isrcs.length > 0) say(`Looking up ${isrcs.length} ISRCs on ${service}`);
  const byIsrc = isrcs.length > 0 ? await target.byIsrc(isrcs) : new Map<string, string>();
  const toSearch = tracks.filter((t) => !(t.isrc && byIsrc.has(t.isrc.toUpperCase()))).length;
  let searches = 0;
  const out: TrackMatches = { targetIds: [], matched: [], fuzzy: [], missing: [] };
  const seen = new Set<string>();
  const searched = new Map<string, string | undefined>();
  for (const track of tracks) {
    const ref: TrackRef = {
      id: track.id,
      title: track.title,
      artists: track.artists,
      durationMs: track.durationMs ?? 0,
      ...(track.isrc ? { isrc: track.isrc } : {}),
    };
    let targetId = track.isrc ? byIsrc.get(track.isrc.toUpperCase()) : undefined;
    let list = out.matched;
    if (!targetId && track.title !== '') {
      const key = `${searchText(ref)}|${track.durationMs ?? ''}`;
      if (!searched.has(key)) {
        searches += 1;
        say(`Searching ${service} by title and artists: ${searches} of at most ${toSearch}`);
        const candidates = await target.search(searchText(ref));
        // Without a length in the file, any length passes: the candidate's own.
        const hit = candidates.find((c) =>
          sameSong(track.durationMs === undefined ? { ...ref, durationMs: c.durationMs } : ref, c),
        );
        searched.set(key, hit?.id);
      }
      targetId = searched.get(key);
      list = out.fuzzy;
    }
    if (!targetId) {
      out.missing.push(reportTrack(ref));
      continue;
    }
    list.push(reportTrack(ref, targetId));
    if (!seen.has(targetId)) {
      seen.add(targetId);
      out.targetIds.push(targetId);
    }
  }
  return out;
}
