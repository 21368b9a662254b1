import type { ApiResponse } from '../server/api-types.js';
import { pageQuery } from './params.js';
import { shapedPage } from './paging.js';
import { isResponse, spotifyError, type Call, type Route } from './route.js';
import type { Audiobook, Chapter, Episode, Show, SpokenWorld } from './spoken.js';

/** Shows, episodes and audiobooks, shaped as the spec's objects, and the saved lists. */

const PAGE_LIMIT = { min: 1, max: 50, default: 20 };
const MARKETS = ['DE', 'GB', 'SE', 'US'];
const POSITION = 'user-read-playback-position';

const html = (text: string) => `<p>${text}</p>`;
const links = (base: string, kind: string, id: string) => ({
  external_urls: { spotify: `https://open.spotify.com/${kind}/${id}` },
  href: `${base}/v1/${kind}s/${id}`,
  id,
  type: kind,
  uri: `spotify:${kind}:${id}`,
});

export class SpokenObjects {
  constructor(
    readonly world: SpokenWorld,
    private readonly base: string,
  ) {}

  private id(kind: 'show' | 'episode' | 'audiobook' | 'chapter', key: string): string {
    return this.world.ids.add(kind, key);
  }

  simplifiedShow(show: Show) {
    return {
      available_markets: MARKETS,
      copyrights: [],
      description: show.description,
      html_description: html(show.description),
      explicit: false,
      images: [],
      is_externally_hosted: false,
      languages: ['en'],
      media_type: 'audio',
      name: show.name,
      publisher: show.publisher,
      total_episodes: show.episodes.length,
      ...links(this.base, 'show', this.id('show', show.key)),
    };
  }

  simplifiedEpisode(
    episode: Episode,
    person: Call['account']['person']['key'],
    withPosition: boolean,
  ) {
    const id = this.id('episode', episode.key);
    const point = this.world.resumePoint(person, episode.key);
    return {
      audio_preview_url: `https://p.scdn.co/mp3-preview/${id}`,
      description: `${episode.name}.`,
      html_description: html(`${episode.name}.`),
      duration_ms: episode.durationMs,
      explicit: false,
      images: [],
      is_externally_hosted: false,
      is_playable: true,
      language: 'en',
      languages: ['en'],
      name: episode.name,
      release_date: episode.releaseDate,
      release_date_precision: 'day',
      ...(withPosition
        ? {
            resume_point: {
              fully_played: point.fullyPlayed,
              resume_position_ms: point.resumePositionMs,
            },
          }
        : {}),
      ...links(this.base, 'episode', id),
    };
  }

  simplifiedAudiobook(book: Audiobook) {
    return {
      authors: book.authors.map((name) => ({ name })),
      available_markets: MARKETS,
      copyrights: [],
      description: book.description,
      html_description: html(book.description),
      edition: 'Unabridged',
      explicit: false,
      images: [],
      languages: ['en'],
      media_type: 'audio',
      name: book.name,
      narrators: book.narrators.map((name) => ({ name })),
      publisher: book.publisher,
      total_chapters: book.chapters.length,
      ...links(this.base, 'audiobook', this.id('audiobook', book.key)),
    };
  }

  simplifiedChapter(
    chapter: Chapter,
    person: Call['account']['person']['key'],
    withPosition: boolean,
  ) {
    const id = this.id('chapter', chapter.key);
    const point = this.world.resumePoint(person, chapter.key);
    return {
      audio_preview_url: null,
      available_markets: MARKETS,
      chapter_number: chapter.number,
      description: chapter.name,
      html_description: html(chapter.name),
      duration_ms: chapter.durationMs,
      explicit: false,
      images: [],
      is_playable: true,
      languages: ['en'],
      name: chapter.name,
      release_date: '2025-11-01',
      release_date_precision: 'day',
      ...(withPosition
        ? {
            resume_point: {
              fully_played: point.fullyPlayed,
              resume_position_ms: point.resumePositionMs,
            },
          }
        : {}),
      ...links(this.base, 'chapter', id),
    };
  }
}

const objectsOf = (call: Call) => new SpokenObjects(call.services.spoken, call.services.apiBaseUrl);
const canSeePosition = (call: Call) => call.request.grant.scopes.includes(POSITION);

function paged<T>(
  call: Call,
  path: string,
  all: readonly T[],
  shape: (item: T) => unknown,
): ApiResponse {
  const paging = pageQuery(call.query, PAGE_LIMIT);
  if (isResponse(paging)) return paging;
  const url = `${call.services.apiBaseUrl}/v1${path}`;
  return { status: 200, body: shapedPage(all, { url, ...paging }, shape) };
}

function find<T>(
  call: Call,
  kind: 'show' | 'episode' | 'audiobook',
  get: (key: string) => T | undefined,
): T | ApiResponse {
  const key = call.services.spoken.keyOf(kind, call.params.id ?? '');
  const found = key === undefined ? undefined : get(key);
  return found ?? spotifyError(404, 'Non existing id');
}

export const spokenRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/shows/{id}',
    scopes: [POSITION],
    handle: (call) => {
      const show = find(call, 'show', (key) => call.services.spoken.show(key));
      if (isResponse(show)) return show;
      const objects = objectsOf(call);
      const person = call.account.person.key;
      const episodes = paged(call, `/shows/${call.params.id}/episodes`, show.episodes, (e) =>
        objects.simplifiedEpisode(e, person, true),
      );
      if (episodes.status !== 200) return episodes;
      return { status: 200, body: { ...objects.simplifiedShow(show), episodes: episodes.body } };
    },
  },
  {
    method: 'GET',
    path: '/shows/{id}/episodes',
    scopes: [POSITION],
    handle: (call) => {
      const show = find(call, 'show', (key) => call.services.spoken.show(key));
      if (isResponse(show)) return show;
      const objects = objectsOf(call);
      return paged(call, `/shows/${call.params.id}/episodes`, show.episodes, (e) =>
        objects.simplifiedEpisode(e, call.account.person.key, true),
      );
    },
  },
  {
    method: 'GET',
    path: '/episodes/{id}',
    scopes: [POSITION],
    handle: (call) => {
      const { spoken } = call.services;
      const episode = find(call, 'episode', (key) => spoken.episode(key));
      if (isResponse(episode)) return episode;
      const objects = objectsOf(call);
      const show = spoken.show(episode.showKey);
      return {
        status: 200,
        body: {
          ...objects.simplifiedEpisode(episode, call.account.person.key, true),
          ...(show ? { show: objects.simplifiedShow(show) } : {}),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/audiobooks/{id}',
    scopes: [],
    handle: (call) => {
      const book = find(call, 'audiobook', (key) => call.services.spoken.audiobook(key));
      if (isResponse(book)) return book;
      const objects = objectsOf(call);
      const position = canSeePosition(call);
      const chapters = paged(call, `/audiobooks/${call.params.id}/chapters`, book.chapters, (c) =>
        objects.simplifiedChapter(c, call.account.person.key, position),
      );
      if (chapters.status !== 200) return chapters;
      return {
        status: 200,
        body: { ...objects.simplifiedAudiobook(book), chapters: chapters.body },
      };
    },
  },
  {
    method: 'GET',
    path: '/audiobooks/{id}/chapters',
    scopes: [],
    handle: (call) => {
      const book = find(call, 'audiobook', (key) => call.services.spoken.audiobook(key));
      if (isResponse(book)) return book;
      const objects = objectsOf(call);
      const position = canSeePosition(call);
      return paged(call, `/audiobooks/${call.params.id}/chapters`, book.chapters, (c) =>
        objects.simplifiedChapter(c, call.account.person.key, position),
      );
    },
  },
  savedRoute('/me/shows', 'show', ['user-library-read']),
  savedRoute('/me/episodes', 'episode', ['user-library-read', POSITION]),
  savedRoute('/me/audiobooks', 'audiobook', ['user-library-read']),
];

function savedRoute(path: string, kind: 'show' | 'episode' | 'audiobook', scopes: string[]): Route {
  return {
    method: 'GET',
    path,
    scopes,
    handle: (call) => {
      const { spoken } = call.services;
      const objects = objectsOf(call);
      const person = call.account.person.key;
      return paged(call, path, spoken.savedItems(person, kind), (entry) => {
        if (kind === 'show') {
          const show = spoken.show(entry.key);
          return { added_at: entry.addedAt, show: show ? objects.simplifiedShow(show) : null };
        }
        if (kind === 'audiobook') {
          const book = spoken.audiobook(entry.key);
          return book ? { added_at: entry.addedAt, ...objects.simplifiedAudiobook(book) } : null;
        }
        const episode = spoken.episode(entry.key);
        const show = episode ? spoken.show(episode.showKey) : undefined;
        return {
          added_at: entry.addedAt,
          episode:
            episode && show
              ? {
                  ...objects.simplifiedEpisode(episode, person, true),
                  show: objects.simplifiedShow(show),
                }
              : null,
        };
      });
    },
  };
}

/** Search results for podcast and audiobook types: every query word in the name or publisher. */
export function searchSpoken(
  call: Call,
  type: 'show' | 'episode' | 'audiobook',
  words: readonly string[],
): unknown[] {
  const { spoken } = call.services;
  const objects = objectsOf(call);
  const hit = (text: string) => {
    const lower = text.toLowerCase();
    return words.length > 0 && words.every((word) => lower.includes(word.toLowerCase()));
  };
  const person = call.account.person.key;
  if (type === 'show')
    return spoken.shows
      .filter((s) => hit(`${s.name} ${s.publisher}`))
      .map((s) => objects.simplifiedShow(s));
  if (type === 'audiobook')
    return spoken.audiobooks
      .filter((b) => hit(`${b.name} ${b.authors.join(' ')} ${b.publisher}`))
      .map((b) => objects.simplifiedAudiobook(b));
  return spoken.shows
    .flatMap((s) => s.episodes)
    .filter((e) => hit(e.name))
    .map((e) => objects.simplifiedEpisode(e, person, canSeePosition(call)));
}
