import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import * as z from 'zod';
import { addToPlaylist } from '../tools/spotify/add-to-playlist.js';
import { createPlaylist } from '../tools/spotify/create-playlist.js';
import { getTopItems } from '../tools/spotify/get-top-items.js';
import { askFor, completeFrom, definePrompt, TIME_RANGES } from './define-prompt.js';

export const topTracksPlaylist = definePrompt({
  name: 'playlist_from_top_tracks',
  uses: [getTopItems, createPlaylist, addToPlaylist],
  register: (server) =>
    server.registerPrompt(
      'playlist_from_top_tracks',
      {
        title: 'A playlist from my top tracks',
        description: 'Collects the person’s most-played Spotify tracks into a new playlist.',
        argsSchema: {
          period: completable(
            z.string().describe('last 4 weeks, last 6 months or all time'),
            completeFrom(Object.keys(TIME_RANGES)),
          ),
          name: z.string().optional().describe('Name for the new playlist.'),
        },
      },
      ({ period, name }) =>
        askFor(
          `Make me a Spotify playlist of my top tracks from ${period}. ` +
            `Use spotify_get_top_items with type "tracks" and time_range "${TIME_RANGES[period] ?? 'medium_term'}" (up to 50), ` +
            `show me the list, then create a private playlist named "${name ?? `My top tracks · ${period}`}" with spotify_create_playlist ` +
            'and add the tracks in order with spotify_add_to_playlist. Try dry_run first and tell me what will change.',
        ),
    ),
});
