import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getOffsetPage, pageText } from './spotify-api.js';
import { limit, Offset } from './spotify-inputs.js';
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

const Kind = z.enum(['shows', 'episodes', 'audiobooks']);
const added = z.object({ added_at: z.string().optional() }).loose();

export const getSavedSpoken = defineTool({
  name: 'spotify_get_saved_podcasts_and_audiobooks',
  title: 'List saved podcasts, episodes or audiobooks',
  description:
    'Followed podcast shows, saved episodes (with resume points) or saved audiobooks, newest first.',
  provider: 'spotify',
  scopes: ['user-library-read', 'user-read-playback-position'],
  kind: 'read',
  idempotent: true,
  input: z.object({ kind: Kind.default('shows'), limit: limit(50, 20), offset: Offset }),
  output: z.object({
    kind: Kind,
    total: z.number(),
    shows: z.array(SpokenShow).optional(),
    episodes: z.array(SpokenEpisode).optional(),
    audiobooks: z.array(SpokenAudiobook).optional(),
  }),
  async run({ kind, limit: count, offset }, context) {
    const at = { limit: count, offset };
    if (kind === 'shows') {
      const page = await getOffsetPage(
        context,
        '/v1/me/shows',
        at,
        added.extend({ show: ShowObject }),
        'read your podcasts',
      );
      const shows = page.items.map((item) => item.show);
      return {
        structured: { kind, total: page.total, shows },
        text: pageText('Podcasts you follow', { total: page.total, offset }, shows, showLine),
      };
    }
    if (kind === 'episodes') {
      const page = await getOffsetPage(
        context,
        '/v1/me/episodes',
        at,
        added.extend({ episode: EpisodeObject }),
        'read your saved episodes',
      );
      const episodes = page.items.map((item) => item.episode);
      return {
        structured: { kind, total: page.total, episodes },
        text: pageText('Saved episodes', { total: page.total, offset }, episodes, episodeLine),
      };
    }
    // Saved audiobooks come as the audiobook itself with `added_at` beside its fields.
    const page = await getOffsetPage(
      context,
      '/v1/me/audiobooks',
      at,
      AudiobookObject,
      'read your audiobooks',
    );
    return {
      structured: { kind, total: page.total, audiobooks: page.items },
      text: pageText(
        'Audiobooks in your library',
        { total: page.total, offset },
        page.items,
        audiobookLine,
      ),
    };
  },
});
