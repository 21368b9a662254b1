import type { Catalog, Recording } from './types.js';

/** Lower case, accents folded, punctuation as spaces: how people type a search. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function wordsOf(text: string): string[] {
  const normalized = normalize(text);
  return normalized ? normalized.split(' ') : [];
}

/** Every word appears somewhere in the text, as a word or part of one. */
export function containsAll(text: string, words: readonly string[]): boolean {
  const haystack = normalize(text);
  return words.every((word) => haystack.includes(word));
}

/**
 * How well `name` answers `query`: an exact name beats a prefix beats all words in the name;
 * 0 means the words matched only elsewhere (artist, album).
 */
export function nameScore(name: string, query: string): number {
  const normalizedName = normalize(name);
  const normalizedQuery = normalize(query);
  if (!normalizedQuery) return 0;
  if (normalizedName === normalizedQuery) return 3;
  if (normalizedName.startsWith(normalizedQuery)) return 2;
  return containsAll(name, wordsOf(query)) ? 1 : 0;
}

/** Best first, then the more popular, then catalog order, so results never shuffle. */
export function rank<T extends { key: string; popularity: number }>(
  items: readonly T[],
  score: (item: T) => number,
): T[] {
  return items
    .map((item) => ({ item, score: score(item) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.item.popularity - a.item.popularity ||
        a.item.key.localeCompare(b.item.key),
    )
    .map(({ item }) => item);
}

/** Title, every artist and the album: what a free-text track search looks at. */
export function recordingText(catalog: Catalog, recording: Recording): string {
  const artists = recording.artistKeys.map((key) => catalog.artist(key).name);
  return [recording.title, ...artists, catalog.album(recording.albumKey).name].join(' ');
}
