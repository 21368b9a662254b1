import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import * as z from 'zod';
import type { ProviderId } from '../../protocol/providers.js';
import { copyPlaylist } from '../tools/cross-service/copy-playlist.js';
import { completePlaylistName } from '../resources/playlist-choices.js';
import { askFor, completeFrom, definePrompt } from './define-prompt.js';

export const copyToOtherService = definePrompt({
  name: 'copy_playlist_to_other_service',
  uses: [copyPlaylist],
  register: (server, context) =>
    server.registerPrompt(
      'copy_playlist_to_other_service',
      {
        title: 'Copy a playlist to the other service',
        description: 'Copies one of the person’s playlists from Spotify to TIDAL or back.',
        argsSchema: {
          from: completable(
            z.string().describe('spotify or tidal: where the playlist is now'),
            completeFrom(['spotify', 'tidal']),
          ),
          playlist: completable(
            z.string().describe('The playlist’s name (or id).'),
            (typed, ctx) => {
              const from = ctx?.arguments?.from;
              const providers: ProviderId[] =
                from === 'spotify' || from === 'tidal' ? [from] : ['spotify', 'tidal'];
              return completePlaylistName(context, providers, typed);
            },
          ),
        },
      },
      ({ from, playlist }) =>
        askFor(
          `Copy my ${from} playlist "${playlist}" to ${from === 'tidal' ? 'Spotify' : 'TIDAL'}. ` +
            `Find its id with ${from === 'tidal' ? 'tidal_list_my_playlists' : 'spotify_list_my_playlists'} if I gave a name, ` +
            'then run copy_playlist. Afterwards tell me how many tracks matched exactly, which were fuzzy matches worth a check, and which are missing.',
        ),
    ),
});
