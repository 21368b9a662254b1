import * as z from 'zod';
import { normalise } from '../cross-service/matching.js';
import type { Entry } from './playlist-access.js';

/** Pure playlist hygiene: which items are duplicates, sort orders, and set operations. */

export const DuplicateMode = z
  .enum(['id', 'isrc'])
  .default('isrc')
  .describe(
    '`id`: the same track more than once. `isrc`: also different releases of the same recording (a single and its album version); the first occurrence stays.',
  );

export interface Duplicate {
  entry: Entry;
  /** The occurrence that stays. */
  keeps: Entry;
  reason: 'same track' | 'same recording';
}

/** Every occurrence after the first of the same track (or, by ISRC, the same recording). */
export function findDuplicates(entries: readonly Entry[], mode: 'id' | 'isrc'): Duplicate[] {
  const byId = new Map<string, Entry>();
  const byIsrc = new Map<string, Entry>();
  const duplicates: Duplicate[] = [];
  for (const entry of entries) {
    const sameTrack = byId.get(entry.trackId);
    const isrc = entry.isrc?.toUpperCase();
    const sameRecording = mode === 'isrc' && isrc ? byIsrc.get(isrc) : undefined;
    if (sameTrack) duplicates.push({ entry, keeps: sameTrack, reason: 'same track' });
    else if (sameRecording)
      duplicates.push({ entry, keeps: sameRecording, reason: 'same recording' });
    else {
      byId.set(entry.trackId, entry);
      if (isrc) byIsrc.set(isrc, entry);
    }
  }
  return duplicates;
}

export const SortKey = z
  .enum(['added_at', 'artist', 'album', 'release_date', 'duration', 'title'])
  .describe('What to sort by.');
export type SortKey = z.infer<typeof SortKey>;

const text = (value: string | undefined) => normalise(value ?? '');
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Stable: items that tie keep their present order; missing values go last. */
export function sortEntries(entries: readonly Entry[], key: SortKey, descending: boolean): Entry[] {
  const value = (entry: Entry): string | number | undefined => {
    switch (key) {
      case 'added_at':
        return entry.addedAt;
      case 'artist':
        return text(entry.artists[0]) || undefined;
      case 'album':
        return text(entry.album) || undefined;
      case 'release_date':
        return entry.releaseDate;
      case 'duration':
        return entry.durationMs;
      case 'title':
        return text(entry.title) || undefined;
    }
  };
  return [...entries].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === undefined || y === undefined)
      return x === y ? a.position - b.position : x === undefined ? 1 : -1;
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
    return (descending ? -order : order) || a.position - b.position;
  });
}

export const CombineMode = z
  .enum(['merge', 'intersect', 'difference'])
  .describe(
    '`merge`: every track of every playlist, once. `intersect`: tracks in all of them. `difference`: tracks of the first that none of the others hold.',
  );
export type CombineMode = z.infer<typeof CombineMode>;

/** Tracks are the same when their ids or their ISRCs agree. */
function recordingKeys(entry: Entry): string[] {
  return [`id:${entry.trackId}`, ...(entry.isrc ? [`isrc:${entry.isrc.toUpperCase()}`] : [])];
}

/** The combined track list, in the order of first appearance, without repeats. */
export function combine(lists: ReadonlyArray<readonly Entry[]>, mode: CombineMode): Entry[] {
  const [first = [], ...others] = lists;
  const inList = others.map((list) => new Set(list.flatMap(recordingKeys)));
  const candidates = mode === 'merge' ? lists.flat() : first;
  const keep = (entry: Entry) => {
    const keys = recordingKeys(entry);
    const inEach = inList.map((set) => keys.some((key) => set.has(key)));
    if (mode === 'intersect') return inEach.every(Boolean);
    if (mode === 'difference') return !inEach.some(Boolean);
    return true;
  };
  const seen = new Set<string>();
  return candidates.filter((entry) => {
    const keys = recordingKeys(entry);
    if (keys.some((key) => seen.has(key)) || !keep(entry)) return false;
    for (const key of keys) seen.add(key);
    return true;
  });
}
