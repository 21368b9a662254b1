import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getJson, OffsetPage, present } from './spotify-api.js';
import { limit, text } from './spotify-inputs.js';
import {
  AudiobookObject,
  audiobookLine,
  EpisodeObject,
  episodeLine,
  ShowObject,
  showLine,
  SpokenAudiobook,
  SpokenEpisode,
  SpokenShow,
} from './spoken-items.js';

const Kind = z.enum(['show', 'episode', 'audiobook']);

export const searchSpoken = defineTool({
  name: 'spotify_search_podcasts_and_audiobooks',
  title: 'Search podcasts and audiobooks',
  description:
    'Search Spotify for podcast shows, podcast episodes or audiobooks (one type per call). Use spotify_search for music.',
  provider: 'spotify',
  scopes: [],
  kind: 'read',
  idempotent: true,
  input: z.object({
    query: text(200).describe('Words to look for, e.g. a show’s or a book’s name.'),
    type: Kind.default('show'),
    limit: limit(50, 10),
  }),
  output: z.object({
    type: Kind,
    total: z.number(),
    shows: z.array(SpokenShow).optional(),
    episodes: z.array(SpokenEpisode).optional(),
    audiobooks: z.array(SpokenAudiobook).optional(),
  }),
  async run({ query, type, limit: count }, context) {
    const q = { q: query, type, limit: String(count) };
    const what = `search Spotify for ${type}s`;
    if (type === 'show') {
      const found = await getJson(
        context,
        '/v1/search',
        q,
        z.object({ shows: OffsetPage(ShowObject) }),
        what,
      );
      const shows = present(found.shows.items);
      return {
        structured: { type, total: found.shows.total, shows },
        text: [`Podcasts for “${query}”:`, ...shows.map((s, i) => showLine(i + 1, s))].join('\n'),
      };
    }
    if (type === 'episode') {
      const found = await getJson(
        context,
        '/v1/search',
        q,
        z.object({ episodes: OffsetPage(EpisodeObject) }),
        what,
      );
      const episodes = present(found.episodes.items);
      return {
        structured: { type, total: found.episodes.total, episodes },
        text: [`Episodes for “${query}”:`, ...episodes.map((e, i) => episodeLine(i + 1, e))].join(
          '\n',
        ),
      };
    }
    const found = await getJson(
      context,
      '/v1/search',
      q,
      z.object({ audiobooks: OffsetPage(AudiobookObject) }),
      what,
    );
    const audiobooks = present(found.audiobooks.items);
    return {
      structured: { type, total: found.audiobooks.total, audiobooks },
      text: [
        `Audiobooks for “${query}”:`,
        ...audiobooks.map((b, i) => audiobookLine(i + 1, b)),
      ].join('\n'),
    };
  },
});
