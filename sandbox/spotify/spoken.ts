import type { PersonKey } from '../accounts/index.js';
import { SpotifyIdIndex } from './ids.js';

/**
 * Podcasts and audiobooks: a small fixed set (Spotify-only; TIDAL has none), the people's saved
 * shows, episodes and audiobooks, and their resume points. Kept apart from the music catalog,
 * which both providers share.
 */

export type SpokenKind = 'show' | 'episode' | 'audiobook';

export interface Episode {
  key: string;
  showKey: string;
  name: string;
  durationMs: number;
  releaseDate: string;
}
export interface Show {
  key: string;
  name: string;
  publisher: string;
  description: string;
  episodes: Episode[];
}
export interface Chapter {
  key: string;
  audiobookKey: string;
  number: number;
  name: string;
  durationMs: number;
}
export interface Audiobook {
  key: string;
  name: string;
  authors: string[];
  narrators: string[];
  publisher: string;
  description: string;
  chapters: Chapter[];
}

const SHOWS: Array<[string, string, string]> = [
  ['Quiet Harbour Radio', 'Lantern Audio', 'Conversations about slow living by the sea.'],
  ['The Circuit Bench', 'Copperline Media', 'Two engineers take apart one gadget a week.'],
  ['Night Kitchen Stories', 'Lantern Audio', 'Cooks tell the story of one dish, late at night.'],
  ['Field Notes on Birds', 'Open Sky Network', 'Short episodes on the birds outside your window.'],
];
const BOOKS: Array<[string, string, string, string]> = [
  [
    'The Cartographer of Salt',
    'Mira Okafor',
    'Jonah Reyes',
    'A mapmaker charts a vanishing coast.',
  ],
  [
    'Engines of Patience',
    'Tomas Lindqvist',
    'Ada Brennan',
    'A history of clocks that ran for centuries.',
  ],
  ['Letters from the Orchard', 'Hana Sato', 'Hana Sato', 'A year of letters between two growers.'],
];
const EPISODE_TOPICS = [
  'Beginnings',
  'The long winter',
  'Tools of the trade',
  'Listener mail',
  'What we got wrong',
  'Season finale',
];
const CHAPTER_NAMES = ['Prologue', 'The first map', 'Crossing over', 'Tides', 'Epilogue'];

const pad = (n: number) => String(n).padStart(2, '0');

function build() {
  const shows: Show[] = SHOWS.map(([name, publisher, description], s) => ({
    key: `show${pad(s + 1)}`,
    name,
    publisher,
    description,
    episodes: EPISODE_TOPICS.map((topic, e) => ({
      key: `show${pad(s + 1)}-ep${pad(e + 1)}`,
      showKey: `show${pad(s + 1)}`,
      name: `${topic} (${name})`,
      durationMs: (18 + ((s * 7 + e * 5) % 40)) * 60_000 + e * 1_000,
      releaseDate: `2026-${pad(1 + ((e + s) % 10))}-${pad(3 + e * 4)}`,
    })),
  }));
  const audiobooks: Audiobook[] = BOOKS.map(([name, author, narrator, description], b) => ({
    key: `book${pad(b + 1)}`,
    name,
    authors: [author],
    narrators: [narrator],
    publisher: 'Harbour Books',
    description,
    chapters: CHAPTER_NAMES.map((chapter, c) => ({
      key: `book${pad(b + 1)}-ch${pad(c + 1)}`,
      audiobookKey: `book${pad(b + 1)}`,
      number: c + 1,
      name: chapter,
      durationMs: (25 + ((b * 11 + c * 3) % 30)) * 60_000,
    })),
  }));
  return { shows, audiobooks };
}

interface Saved {
  key: string;
  addedAt: string;
}
export interface ResumePoint {
  resumePositionMs: number;
  fullyPlayed: boolean;
}

export class SpokenWorld {
  readonly shows: Show[];
  readonly audiobooks: Audiobook[];
  readonly ids = new SpotifyIdIndex();
  private readonly saved = new Map<string, Saved[]>();
  private readonly resume = new Map<string, ResumePoint>();

  constructor(private readonly now: () => number) {
    const { shows, audiobooks } = build();
    this.shows = shows;
    this.audiobooks = audiobooks;
    for (const show of shows) {
      this.ids.add('show', show.key);
      for (const episode of show.episodes) this.ids.add('episode', episode.key);
    }
    for (const book of audiobooks) {
      this.ids.add('audiobook', book.key);
      for (const chapter of book.chapters) this.ids.add('chapter', chapter.key);
    }
    // The listener follows two shows, part-way through one, and is reading one book.
    const seeded = '2026-05-01T10:00:00Z';
    this.saved.set('listener:show', [
      { key: 'show01', addedAt: seeded },
      { key: 'show03', addedAt: seeded },
    ]);
    this.saved.set('listener:episode', [{ key: 'show02-ep03', addedAt: seeded }]);
    this.saved.set('listener:audiobook', [{ key: 'book02', addedAt: seeded }]);
    this.resume.set('listener:show01-ep01', { resumePositionMs: 0, fullyPlayed: true });
    this.resume.set('listener:show01-ep02', { resumePositionMs: 754_000, fullyPlayed: false });
    this.resume.set('listener:book02-ch01', { resumePositionMs: 0, fullyPlayed: true });
    this.resume.set('listener:book02-ch02', { resumePositionMs: 312_000, fullyPlayed: false });
  }

  show(key: string): Show | undefined {
    return this.shows.find((show) => show.key === key);
  }
  episode(key: string): Episode | undefined {
    return this.shows.flatMap((show) => show.episodes).find((episode) => episode.key === key);
  }
  audiobook(key: string): Audiobook | undefined {
    return this.audiobooks.find((book) => book.key === key);
  }

  /** The key behind a `spotify:{kind}:{id}` of a podcast or audiobook kind, if there is one. */
  keyOf(kind: SpokenKind, id: string): string | undefined {
    const key = this.ids.key(kind, id);
    if (!key) return undefined;
    return (
      kind === 'show'
        ? this.show(key)
        : kind === 'episode'
          ? this.episode(key)
          : this.audiobook(key)
    )
      ? key
      : undefined;
  }

  savedItems(person: PersonKey, kind: SpokenKind): readonly Saved[] {
    return this.saved.get(`${person}:${kind}`) ?? [];
  }
  save(person: PersonKey, kind: SpokenKind, key: string): void {
    const list = [...this.savedItems(person, kind)];
    if (list.some((item) => item.key === key)) return;
    const addedAt = new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    this.saved.set(`${person}:${kind}`, [{ key, addedAt }, ...list]);
  }
  unsave(person: PersonKey, kind: SpokenKind, key: string): void {
    this.saved.set(
      `${person}:${kind}`,
      this.savedItems(person, kind).filter((item) => item.key !== key),
    );
  }
  has(person: PersonKey, kind: SpokenKind, key: string): boolean {
    return this.savedItems(person, kind).some((item) => item.key === key);
  }
  resumePoint(person: PersonKey, key: string): ResumePoint {
    return this.resume.get(`${person}:${key}`) ?? { resumePositionMs: 0, fullyPlayed: false };
  }
}
