import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import * as z from 'zod';
import { getRecentlyPlayed } from '../tools/spotify/get-recently-played.js';
import { askFor, completeFrom, definePrompt } from './define-prompt.js';

export const listeningThisWeek = definePrompt({
  name: 'what_did_i_listen_to_this_week',
  uses: [getRecentlyPlayed],
  register: (server) =>
    server.registerPrompt(
      'what_did_i_listen_to_this_week',
      {
        title: 'What did I listen to this week?',
        description: 'A short review of the person’s recent Spotify listening.',
        argsSchema: {
          focus: completable(
            z
              .string()
              .optional()
              .describe(
                'What to look at most: artists, albums, moods, time of day, new discoveries.',
              ),
            completeFrom(['artists', 'albums', 'moods', 'time of day', 'new discoveries']),
          ),
        },
      },
      ({ focus }) =>
        askFor(
          'What did I listen to this week? Read my recent plays with spotify_get_recently_played (50, then page back with ' +
            '`before` until you pass seven days ago) and give me a short review: most played artists and tracks, ' +
            `how much I listened each day${focus ? `, with a closer look at ${focus}` : ''}.`,
        ),
    ),
});
