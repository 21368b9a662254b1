import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getJson, notFoundFailure } from './spotify-api.js';
import { spotifyId } from './spotify-inputs.js';
import { EpisodeObject, episodeLine, SpokenEpisode } from './spoken-items.js';

export const getEpisode = defineTool({
  name: 'spotify_get_episode',
  title: 'Get a podcast episode',
  description:
    'One podcast episode: its show, length, release date and where the person stopped (resume point).',
  provider: 'spotify',
  scopes: ['user-read-playback-position'],
  kind: 'read',
  idempotent: true,
  input: z.object({ episode_id: spotifyId('episode') }),
  output: z.object({ episode: SpokenEpisode }),
  async run({ episode_id }, context) {
    const episode = await getJson(
      context,
      `/v1/episodes/${episode_id}`,
      undefined,
      EpisodeObject,
      'read the episode',
      notFoundFailure('episode', episode_id),
    );
    return { structured: { episode }, text: episodeLine(1, episode).replace(/^1\. /, '') };
  },
});
