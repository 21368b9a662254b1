import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import * as z from 'zod';
import { addToPlaylist } from '../tools/spotify/add-to-playlist.js';
import { createPlaylist } from '../tools/spotify/create-playlist.js';
import { searchSpotify } from '../tools/spotify/search-spotify.js';
import { askFor, completeFrom, definePrompt } from './define-prompt.js';

const ACTIVITIES = [
  'running',
  'focus',
  'cooking',
  'dinner party',
  'commute',
  'workout',
  'sleep',
  'road trip',
  'cleaning',
];

export const activityMix = definePrompt({
  name: 'mix_for_an_activity',
  uses: [searchSpotify, createPlaylist, addToPlaylist],
  register: (server) =>
    server.registerPrompt(
      'mix_for_an_activity',
      {
        title: 'A mix for an activity',
        description: 'Builds a Spotify playlist that fits an activity and a length.',
        argsSchema: {
          activity: completable(
            z.string().describe('What the mix is for.'),
            completeFrom(ACTIVITIES),
          ),
          minutes: completable(
            z.string().optional().describe('About how long, in minutes (default 60).'),
            completeFrom(['30', '45', '60', '90', '120']),
          ),
        },
      },
      ({ activity, minutes }) =>
        askFor(
          `Make me a Spotify mix for ${activity}, about ${minutes ?? '60'} minutes long. Pick tracks whose tempo and mood fit ` +
            `${activity}, find each with spotify_search, and keep the total length close to the target. Show me the list with ` +
            'lengths, then create a private playlist with spotify_create_playlist and add the tracks with spotify_add_to_playlist.',
        ),
    ),
});
