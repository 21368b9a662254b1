import { between, pick, seededRandom, type Random } from '../seeded-random.js';
import { isrc, registrantCode, upc } from './identifiers.js';
import type {
  Album,
  AlbumKind,
  Artist,
  Catalog,
  CuratedPlaylist,
  MusicalKey,
  Recording,
} from './types.js';
import * as words from './words.js';

const ARTIST_COUNT = 56;
const MIN_RECORDINGS = 320;
const MIN_ROUNDS = 2;
const KEYS: readonly MusicalKey[] = [
  'C',
  'CSharp',
  'D',
  'Eb',
  'E',
  'F',
  'FSharp',
  'G',
  'Ab',
  'A',
  'Bb',
  'B',
];

/**
 * Builds the whole catalog from one seed. The same seed always gives the same names, ISRCs and
 * order, so tests and demos can rely on what is in it without a fixture file.
 */
export function generateCatalog(seed: number, minRecordings = MIN_RECORDINGS): Catalog {
  const random = seededRandom(seed);
  const names = new UniqueNames();
  const artists = generateArtists(random, names);
  const albums: Album[] = [];
  const recordings: Recording[] = [];
  const registrants = new Map<string, { country: string; code: string; next: number }>();

  // Everyone releases once; popular artists again, until the catalog is big enough to page through.
  for (let round = 0; round < MIN_ROUNDS || recordings.length < minRecordings; round += 1) {
    for (const artist of artists) {
      if (round > 0 && random() * 100 > artist.popularity) continue;
      let registrant = registrants.get(artist.key);
      if (!registrant) {
        registrant = {
          country: pick(random, words.ISRC_COUNTRIES),
          code: registrantCode(random),
          next: between(random, 1, 400),
        };
        registrants.set(artist.key, registrant);
      }
      const album = generateAlbum(
        random,
        names,
        artist,
        artists,
        albums.length,
        recordings,
        registrant,
      );
      albums.push(album);
    }
  }

  if (new Set(recordings.map((recording) => recording.isrc)).size !== recordings.length) {
    throw new Error('The sandbox catalog seed produced a duplicate ISRC; choose another seed.');
  }
  const playlists = generatePlaylists(random, recordings);
  return indexCatalog(artists, albums, recordings, playlists);
}

function generateArtists(random: Random, names: UniqueNames): Artist[] {
  const artists: Artist[] = [];
  for (let index = 0; index < ARTIST_COUNT; index += 1) {
    const name = names.take(() => {
      const style = random();
      if (style < 0.45)
        return `${pick(random, words.FIRST_NAMES)} ${pick(random, words.LAST_NAMES)}`;
      if (style < 0.8)
        return `The ${pick(random, words.BAND_ADJECTIVES)} ${pick(random, words.BAND_NOUNS)}`;
      return pick(random, words.SINGLE_WORD_ACTS);
    });
    const first = pick(random, words.GENRES);
    const second = pick(random, words.GENRES);
    const popularity = between(random, 8, 92);
    artists.push({
      key: `ar${String(index + 1).padStart(3, '0')}`,
      name,
      genres: first === second ? [first] : [first, second],
      popularity,
      followers: popularity * between(random, 800, 12_000),
    });
  }
  // Most popular first, so the first artist is a dependable sample query.
  return artists.sort((a, b) => b.popularity - a.popularity || a.key.localeCompare(b.key));
}

function generateAlbum(
  random: Random,
  names: UniqueNames,
  artist: Artist,
  artists: readonly Artist[],
  albumIndex: number,
  recordings: Recording[],
  registrant: { country: string; code: string; next: number },
): Album {
  const roll = random();
  const kind: AlbumKind = roll < 0.55 ? 'album' : roll < 0.8 ? 'ep' : 'single';
  const trackCount =
    kind === 'album'
      ? between(random, 8, 12)
      : kind === 'ep'
        ? between(random, 4, 6)
        : between(random, 1, 2);
  const year = between(random, 1998, 2025);
  const releaseDate = `${year}-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}`;
  const key = `al${String(albumIndex + 1).padStart(3, '0')}`;
  const titles: string[] = [];
  for (let track = 0; track < trackCount; track += 1)
    titles.push(names.take(() => songTitle(random)));
  const name = kind === 'single' ? (titles[0] ?? 'Untitled') : names.take(() => albumTitle(random));

  const recordingKeys: string[] = [];
  titles.forEach((title, index) => {
    const featured = random() < 0.1 ? pick(random, artists) : undefined;
    const popularity = clamp(artist.popularity + between(random, -25, 15), 0, 100);
    const recording: Recording = {
      key: `tr${String(recordings.length + 1).padStart(4, '0')}`,
      title,
      artistKeys:
        featured && featured.key !== artist.key ? [artist.key, featured.key] : [artist.key],
      albumKey: key,
      trackNumber: index + 1,
      discNumber: 1,
      durationMs: between(random, 95, 420) * 1000 + between(random, 0, 999),
      isrc: isrc(registrant.country, registrant.code, year, registrant.next++),
      explicit: random() < 0.15,
      popularity,
      musicalKey: pick(random, KEYS),
      scale: random() < 0.6 ? 'MAJOR' : 'MINOR',
      bpm: between(random, 68, 168),
      hiRes: random() < 0.3,
    };
    recordings.push(recording);
    recordingKeys.push(recording.key);
  });

  return {
    key,
    name,
    kind,
    artistKeys: [artist.key],
    releaseDate,
    label: pick(random, words.LABELS),
    upc: upc(random),
    recordingKeys,
    popularity: clamp(artist.popularity + between(random, -10, 5), 0, 100),
  };
}

function generatePlaylists(random: Random, recordings: readonly Recording[]): CuratedPlaylist[] {
  return words.PLAYLIST_NAMES.map(([name, description], index) => {
    const size = between(random, 15, 40);
    const chosen = new Set<string>();
    while (chosen.size < size) chosen.add(pick(random, recordings).key);
    return {
      key: `pl${String(index + 1).padStart(2, '0')}`,
      name,
      description,
      recordingKeys: [...chosen],
      followers: between(random, 200, 250_000),
      createdAt: `20${between(random, 18, 25)}-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}T09:00:00Z`,
    };
  });
}

function songTitle(random: Random): string {
  const style = random();
  if (style < 0.3)
    return `${pick(random, words.TITLE_ADJECTIVES)} ${pick(random, words.TITLE_NOUNS)}`;
  if (style < 0.5) return `${pick(random, words.VERBS)} in ${pick(random, words.PLACES)}`;
  if (style < 0.65) return `${pick(random, words.TITLE_NOUNS)} of ${pick(random, words.PLACES)}`;
  if (style < 0.8)
    return `${pick(random, words.VERBS)} ${pick(random, words.TITLE_ADJECTIVES)} ${pick(random, words.TITLE_NOUNS)}`;
  if (style < 0.9) return `Letters to ${pick(random, words.PLACES)}`;
  return `The ${pick(random, words.TITLE_ADJECTIVES)} ${pick(random, words.TITLE_NOUNS)}`;
}

function albumTitle(random: Random): string {
  const style = random();
  if (style < 0.4) return `${pick(random, words.TITLE_NOUNS)} & ${pick(random, words.TITLE_NOUNS)}`;
  if (style < 0.7) return `Songs from ${pick(random, words.PLACES)}`;
  return `${pick(random, words.TITLE_ADJECTIVES)} ${pick(random, words.TITLE_NOUNS)}`;
}

/** Hands out names not used before; a catalog with unique titles makes searches unambiguous. */
class UniqueNames {
  private readonly used = new Set<string>();

  take(make: () => string): string {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const name = make();
      const normalized = name.toLowerCase();
      if (!this.used.has(normalized)) {
        this.used.add(normalized);
        return name;
      }
    }
    // Fall back to a numbered variant rather than loop forever on a small word list.
    let counter = 2;
    const base = make();
    while (this.used.has(`${base} ${counter}`.toLowerCase())) counter += 1;
    this.used.add(`${base} ${counter}`.toLowerCase());
    return `${base} ${counter}`;
  }
}

function indexCatalog(
  artists: Artist[],
  albums: Album[],
  recordings: Recording[],
  playlists: CuratedPlaylist[],
): Catalog {
  const lookup = <T extends { key: string }>(items: readonly T[], what: string) => {
    const byKey = new Map(items.map((item) => [item.key, item]));
    return (key: string): T => {
      const item = byKey.get(key);
      if (!item) throw new Error(`No ${what} ${key} in the sandbox catalog`);
      return item;
    };
  };
  const byIsrc = new Map(recordings.map((recording) => [recording.isrc, recording]));
  return {
    artists,
    albums,
    recordings,
    playlists,
    artist: lookup(artists, 'artist'),
    album: lookup(albums, 'album'),
    recording: lookup(recordings, 'recording'),
    playlist: lookup(playlists, 'playlist'),
    recordingByIsrc: (code) => byIsrc.get(code.toUpperCase()),
  };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
