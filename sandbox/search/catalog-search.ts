import type { AccountStore, Playlist } from '../accounts/index.js';
import {
  containsAll,
  nameScore,
  rank,
  recordingText,
  wordsOf,
  type Album,
  type Artist,
  type Recording,
} from '../catalog/index.js';

export type SearchType = 'track' | 'album' | 'artist' | 'playlist';

/** The field filters Spotify documents for `q`, and the result types each one applies to. */
const FILTERS = {
  album: ['album', 'track'],
  artist: ['album', 'artist', 'track'],
  track: ['track'],
  year: ['album', 'artist', 'track'],
  isrc: ['track'],
  upc: ['album'],
  genre: ['artist', 'track'],
} as const satisfies Record<string, readonly SearchType[]>;
type FilterName = keyof typeof FILTERS;

export interface ParsedQuery {
  /** Everything that is not a field filter. */
  text: string;
  filters: Partial<Record<FilterName, string>>;
}

/** `track:"Blue Hour" artist:Oxbow live` → filters plus the free text `live`. */
export function parseQuery(q: string): ParsedQuery {
  const filters: ParsedQuery['filters'] = {};
  const text = q
    .replace(
      /\b([a-z]+):(?:"([^"]*)"|(\S+))/gi,
      (whole, name: string, quoted?: string, bare?: string) => {
        const field = name.toLowerCase();
        if (!Object.hasOwn(FILTERS, field)) return whole;
        filters[field as FilterName] = quoted ?? bare ?? '';
        return ' ';
      },
    )
    .trim();
  return { text, filters };
}

/**
 * Matches the sandbox catalog the way the providers' searches behave for simple queries: every word
 * must appear, field filters narrow, best name matches first. A filter that does not apply to
 * a result type leaves that type empty rather than guessing.
 */
export class CatalogSearch {
  constructor(private readonly store: AccountStore) {}

  tracks(query: ParsedQuery): Recording[] {
    if (!this.applies(query, 'track')) return [];
    const { catalog } = this.store;
    const { filters } = query;
    const words = wordsOf(query.text);
    const matches = catalog.recordings.filter((recording) => {
      const album = catalog.album(recording.albumKey);
      const artists = recording.artistKeys.map((key) => catalog.artist(key));
      return (
        containsAll(recordingText(catalog, recording), words) &&
        (!filters.track || containsAll(recording.title, wordsOf(filters.track))) &&
        (!filters.album || containsAll(album.name, wordsOf(filters.album))) &&
        (!filters.artist ||
          artists.some((artist) => containsAll(artist.name, wordsOf(filters.artist ?? '')))) &&
        (!filters.isrc || recording.isrc === filters.isrc.toUpperCase()) &&
        (!filters.year || inYears(album.releaseDate, filters.year)) &&
        (!filters.genre || artists.some((artist) => hasGenre(artist, filters.genre ?? '')))
      );
    });
    return rank(matches, (recording) =>
      nameScore(recording.title, query.text || (filters.track ?? '')),
    );
  }

  albums(query: ParsedQuery): Album[] {
    if (!this.applies(query, 'album')) return [];
    const { catalog } = this.store;
    const { filters } = query;
    const words = wordsOf(query.text);
    const matches = catalog.albums.filter((album) => {
      const artists = album.artistKeys.map((key) => catalog.artist(key));
      const text = [album.name, ...artists.map((artist) => artist.name)].join(' ');
      return (
        containsAll(text, words) &&
        (!filters.album || containsAll(album.name, wordsOf(filters.album))) &&
        (!filters.artist ||
          artists.some((artist) => containsAll(artist.name, wordsOf(filters.artist ?? '')))) &&
        (!filters.upc || album.upc === filters.upc) &&
        (!filters.year || inYears(album.releaseDate, filters.year))
      );
    });
    return rank(matches, (album) => nameScore(album.name, query.text || (filters.album ?? '')));
  }

  artists(query: ParsedQuery): Artist[] {
    if (!this.applies(query, 'artist')) return [];
    const { catalog } = this.store;
    const { filters } = query;
    const words = wordsOf(query.text);
    const matches = catalog.artists.filter(
      (artist) =>
        containsAll(artist.name, words) &&
        (!filters.artist || containsAll(artist.name, wordsOf(filters.artist))) &&
        (!filters.genre || hasGenre(artist, filters.genre)) &&
        (!filters.year ||
          catalog.albums.some(
            (album) =>
              album.artistKeys.includes(artist.key) &&
              inYears(album.releaseDate, filters.year ?? ''),
          )),
    );
    return rank(matches, (artist) => nameScore(artist.name, query.text || (filters.artist ?? '')));
  }

  /** Public playlists only, as on Spotify; private ones are found through the owner's library. */
  playlists(query: ParsedQuery): Playlist[] {
    if (!this.applies(query, 'playlist')) return [];
    const words = wordsOf(query.text);
    const matches = [...this.store.playlists.values()].filter(
      (playlist) =>
        playlist.public && containsAll(`${playlist.name} ${playlist.description}`, words),
    );
    return rank(
      matches.map((playlist) => ({ ...playlist, popularity: playlist.followers })),
      (playlist) => nameScore(playlist.name, query.text),
    );
  }

  private applies(query: ParsedQuery, type: SearchType): boolean {
    const names = Object.keys(query.filters) as FilterName[];
    if (names.some((name) => !(FILTERS[name] as readonly SearchType[]).includes(type)))
      return false;
    // An empty query matches nothing, as on Spotify.
    return query.text.trim() !== '' || names.length > 0;
  }
}

/** `2019` or `2015-2020`, inclusive. */
function inYears(releaseDate: string, filter: string): boolean {
  const year = Number(releaseDate.slice(0, 4));
  const [from, to] = filter.split('-').map(Number);
  if (from === undefined || !Number.isFinite(from)) return false;
  return year >= from && year <= (to !== undefined && Number.isFinite(to) ? to : from);
}

function hasGenre(artist: Artist, genre: string): boolean {
  return artist.genres.some((candidate) => candidate.toLowerCase() === genre.toLowerCase());
}
