import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import * as z from 'zod';
import { getTopItems } from '../tools/spotify/get-top-items.js';
import { askFor, completeFrom, definePrompt, TIME_RANGES } from './define-prompt.js';

export const tasteProfile = definePrompt({
  name: 'describe_my_taste',
  uses: [getTopItems],
  register: (server) =>
    server.registerPrompt(
      'describe_my_taste',
      {
        title: 'Describe my taste',
        description: 'A portrait of the person’s taste from their top Spotify artists and tracks.',
        argsSchema: {
          period: completable(
            z.string().describe('last 4 weeks, last 6 months or all time'),
            completeFrom(Object.keys(TIME_RANGES)),
          ),
        },
      },
      ({ period }) => {
        const range = TIME_RANGES[period] ?? 'medium_term';
        return askFor(
          `Describe my music taste over ${period}. Read my top artists and my top tracks with spotify_get_top_items ` +
            `(time_range "${range}", 50 each) and tell me which genres, eras and moods stand out, what connects my ` +
            'favourites, and three artists I might like next (say why each).',
        );
      },
    ),
});
