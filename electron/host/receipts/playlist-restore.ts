import type { UndoStep } from './receipt.js';

/**
 * The requests that turn a playlist's current items back into the ones a receipt kept. Computed
 * at undo time from what the playlist holds now (already checked to be what the change left),
 * so an undo of an earlier change still works after a later one was undone.
 */

/** Indices in `longer` that `shorter` matches, in order, or undefined when it isn't a subsequence. */
function matchSubsequence<T>(
  shorter: readonly T[],
  longer: readonly T[],
  same: (a: T, b: T) => boolean,
) {
  const matched: number[] = [];
  let at = 0;
  for (const item of shorter) {
    while (at < longer.length && !same(item, longer[at] as T)) at += 1;
    if (at >= longer.length) return undefined;
    matched.push(at);
    at += 1;
  }
  return matched;
}

/** Consecutive runs of the indices of `length` not in `matched`: [start, end) pairs. */
function unmatchedRuns(length: number, matched: readonly number[]): Array<[number, number]> {
  const taken = new Set(matched);
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < length; i += 1) {
    if (taken.has(i)) continue;
    const last = runs.at(-1);
    if (last && last[1] === i) last[1] = i + 1;
    else runs.push([i, i + 1]);
  }
  return runs;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const SPOTIFY_MAX = 100;

/** Spotify: items are URIs; DELETE removes every occurrence of a URI, POST inserts at a position. */
export function spotifyRestoreSteps(
  playlistId: string,
  current: readonly string[],
  target: readonly string[],
): UndoStep[] {
  const path = `/v1/playlists/${playlistId}/items`;
  const same = (a: string, b: string) => a === b;
  const kept = matchSubsequence(target, current, same);
  if (kept) {
    const extra = current.filter((_, i) => !kept.includes(i));
    // Removing a URI removes all its copies, so only when none of them is meant to stay.
    if (!extra.some((uri) => target.includes(uri))) {
      return chunks([...new Set(extra)], SPOTIFY_MAX).map((uris) => ({
        method: 'DELETE',
        path,
        body: { items: uris.map((uri) => ({ uri })) },
      }));
    }
  }
  const present = matchSubsequence(current, target, same);
  if (present) {
    // Ascending, so every earlier position already holds what the target has there.
    return unmatchedRuns(target.length, present).flatMap(([start, end]) =>
      chunks(target.slice(start, end), SPOTIFY_MAX).map((uris, i) => ({
        method: 'POST' as const,
        path,
        body: { uris, position: start + i * SPOTIFY_MAX },
      })),
    );
  }
  if (target.length === 0) {
    return chunks([...new Set(current)], SPOTIFY_MAX).map((uris) => ({
      method: 'DELETE',
      path,
      body: { items: uris.map((uri) => ({ uri })) },
    }));
  }
  // Reordered or mixed: replace the list, then append what one replace can't hold.
  const [first = [], ...rest] = chunks(target, SPOTIFY_MAX);
  return [
    { method: 'PUT', path, body: { uris: first } },
    ...rest.map((uris) => ({ method: 'POST' as const, path, body: { uris } })),
  ];
}

export interface TidalEntry {
  id: string;
  type: string;
  itemId: string;
}

const TIDAL_MAX = 50;

/** TIDAL: entries have their own ids; POST inserts before an entry (`meta.positionBefore`). */
export function tidalRestoreSteps(
  playlistId: string,
  current: readonly TidalEntry[],
  target: ReadonlyArray<Pick<TidalEntry, 'id' | 'type'>>,
): UndoStep[] {
  const path = `/v2/playlists/${playlistId}/relationships/items`;
  const same = (a: Pick<TidalEntry, 'id' | 'type'>, b: Pick<TidalEntry, 'id' | 'type'>) =>
    a.id === b.id && a.type === b.type;
  const remove = (entries: readonly TidalEntry[]): UndoStep[] =>
    chunks(entries, TIDAL_MAX).map((part) => ({
      method: 'DELETE',
      path,
      body: { data: part.map(({ id, type, itemId }) => ({ id, type, meta: { itemId } })) },
    }));
  const add = (items: ReadonlyArray<Pick<TidalEntry, 'id' | 'type'>>, before?: string) =>
    chunks(items, TIDAL_MAX).map((part) => ({
      method: 'POST' as const,
      path,
      body: {
        data: part.map(({ id, type }) => ({ id, type })),
        ...(before ? { meta: { positionBefore: before } } : {}),
      },
    }));
  const kept = matchSubsequence(target, current, same);
  if (kept) return remove(current.filter((_, i) => !kept.includes(i)));
  const present = matchSubsequence(current, target, same);
  if (present) {
    return unmatchedRuns(target.length, present).flatMap(([start, end]) => {
      // Insert before the entry that follows the run in the target, which is already there.
      const next = present.findIndex((index) => index >= end);
      const before = next >= 0 ? current[next]?.itemId : undefined;
      return add(target.slice(start, end), before);
    });
  }
  return [...remove(current), ...add(target)];
}
