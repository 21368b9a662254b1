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

const built = new Map<number, Catalog>();

/** The catalog for a seed, built once per process: every sandbox serves the same recordings. */
export function sandboxCatalog(seed = DEFAULT_CATALOG_SEED): Catalog {
  let catalog = built.get(seed);
  if (!catalog) {
    catalog = generateCatalog(seed);
    built.set(seed, catalog);
  }
  return catalog;
}
