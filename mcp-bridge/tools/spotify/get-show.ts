import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getJson, notFoundFailure, OffsetPage, pageText, present } from './spotify-api.js';
import { limit, Offset, spotifyId } from './spotify-inputs.js';
import {
  EpisodeObject,
  episodeLine,
  ShowObject,
  SpokenEpisode,
  SpokenShow,
} from './spoken-items.js';

export const getShow = defineTool({
  name: 'spotify_get_show',
  title: 'Get a podcast',
  description:
    'A podcast show and a page of its episodes, newest first, each with the person’s resume point.',
  provider: 'spotify',
  scopes: ['user-read-playback-position'],
  kind: 'read',
  idempotent: true,
  input: z.object({ show_id: spotifyId('show'), limit: limit(50, 20), offset: Offset }),
  output: z.object({ show: SpokenShow, episodes: z.array(SpokenEpisode), total: z.number() }),
  async run({ show_id, limit: count, offset }, context) {
    const show = await getJson(
      context,
      `/v1/shows/${show_id}`,
      undefined,
      ShowObject,
      'read the show',
      notFoundFailure('show', show_id),
    );
    const page = await getJson(
      context,
      `/v1/shows/${show_id}/episodes`,
      { limit: String(count), offset: String(offset) },
      OffsetPage(EpisodeObject),
      'read the show’s episodes',
    );
    const episodes = present(page.items);
    return {
      structured: { show, episodes, total: page.total },
      text: pageText(
        `${show.name} — ${show.publisher} · ${show.uri}\nEpisodes`,
        { total: page.total, offset },
        episodes,
        episodeLine,
      ),
    };
  },
});
