/** Recordings, releases and artists shared by every sandbox provider, keyed independently of any provider's ids. */

export interface Artist {
  key: string;
  name: string;
  genres: string[];
  /** 0–100. */
  popularity: number;
  followers: number;
}

export type AlbumKind = 'album' | 'ep' | 'single';

export interface Album {
  key: string;
  name: string;
  kind: AlbumKind;
  artistKeys: string[];
  /** YYYY-MM-DD. */
  releaseDate: string;
  label: string;
  /** 12-digit UPC-A with a valid check digit. */
  upc: string;
  recordingKeys: string[];
  popularity: number;
}

export type MusicalKey =
  'C' | 'CSharp' | 'D' | 'Eb' | 'E' | 'F' | 'FSharp' | 'G' | 'Ab' | 'A' | 'Bb' | 'B';

/** One recording: the thing an ISRC names, so both providers serve the same one. */
export interface Recording {
  key: string;
  title: string;
  artistKeys: string[];
  albumKey: string;
  trackNumber: number;
  discNumber: number;
  durationMs: number;
  /** 12 characters: country, registrant, year, designation (no dashes). */
  isrc: string;
  explicit: boolean;
  popularity: number;
  musicalKey: MusicalKey;
  scale: 'MAJOR' | 'MINOR';
  bpm: number;
  hiRes: boolean;
}

/** A public, editorial playlist; people's own playlists live in the account state. */
export interface CuratedPlaylist {
  key: string;
  name: string;
  description: string;
  recordingKeys: string[];
  followers: number;
  createdAt: string;
}

export interface Catalog {
  readonly artists: readonly Artist[];
  readonly albums: readonly Album[];
  readonly recordings: readonly Recording[];
  readonly playlists: readonly CuratedPlaylist[];
  artist(key: string): Artist;
  album(key: string): Album;
  recording(key: string): Recording;
  playlist(key: string): CuratedPlaylist;
  recordingByIsrc(isrc: string): Recording | undefined;
}
