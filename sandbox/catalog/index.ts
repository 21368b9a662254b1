import { generateCatalog } from './generate.js';
import type { Catalog } from './types.js';

export type {
  Album,
  AlbumKind,
  Artist,
  Catalog,
  CuratedPlaylist,
  MusicalKey,
  Recording,
} from './types.js';
export { ISRC_PATTERN } from './identifiers.js';
export { containsAll, nameScore, normalize, rank, recordingText, wordsOf } from './search.js';

export const DEFAULT_CATALOG_SEED = 20_260_531;

const built = new Map<string, Catalog>();

/**
 * The catalog for a seed, built once per process: every sandbox serves the same recordings.
 * `minRecordings` asks for a bigger one (benchmarks need thousands of distinct tracks); tests rely
 * on what the default holds.
 */
export function sandboxCatalog(seed = DEFAULT_CATALOG_SEED, minRecordings?: number): Catalog {
  const key = `${seed}:${minRecordings ?? ''}`;
  let catalog = built.get(key);
  if (!catalog) {
    catalog = generateCatalog(seed, minRecordings);
    built.set(key, catalog);
  }
  return catalog;
}
