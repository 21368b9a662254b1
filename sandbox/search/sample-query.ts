import type { AccountStore } from '../accounts/index.js';
import { wordsOf } from '../catalog/index.js';
import { CatalogSearch } from './catalog-search.js';

/**
 * A one-word query that finds at least one track, album, artist and playlist, chosen from the
 * catalog itself so it stays true whatever the seed produced.
 */
export function findSampleQuery(store: AccountStore): string {
  const search = new CatalogSearch(store);
  const { catalog } = store;
  const candidates = new Set([
    ...catalog.playlists.flatMap((playlist) => wordsOf(playlist.name)),
    ...catalog.artists.flatMap((artist) => wordsOf(artist.name)),
  ]);
  for (const word of candidates) {
    if (word.length < 4) continue;
    const query = { text: word, filters: {} };
    if (
      search.tracks(query).length > 0 &&
      search.albums(query).length > 0 &&
      search.artists(query).length > 0 &&
      search.playlists(query).length > 0
    ) {
      return word;
    }
  }
  throw new Error(
    'The sandbox catalog has no word that finds every kind of result; change the seed.',
  );
}
