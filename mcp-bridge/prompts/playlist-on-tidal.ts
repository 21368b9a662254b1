import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import * as z from 'zod';
import { completePlaylistName } from '../resources/playlist-choices.js';
import { findOnOtherService } from '../tools/cross-service/find-on-other-service.js';
import { getPlaylist } from '../tools/spotify/get-playlist.js';
import { askFor, definePrompt } from './define-prompt.js';

export const playlistOnTidal = definePrompt({
  name: 'check_playlist_on_tidal',
  uses: [getPlaylist, findOnOtherService],
  register: (server, context) =>
    server.registerPrompt(
      'check_playlist_on_tidal',
      {
        title: 'Is my playlist on TIDAL?',
        description:
          'Checks which tracks of a Spotify playlist TIDAL has, without changing anything.',
        argsSchema: {
          playlist: completable(
            z.string().describe('The Spotify playlist’s name (or id).'),
            (typed) => completePlaylistName(context, ['spotify'], typed),
          ),
        },
      },
      ({ playlist }) =>
        askFor(
          `Check which tracks of my Spotify playlist "${playlist}" are on TIDAL. Read it with spotify_get_playlist, ` +
            'look each track up with find_on_other_service (from "spotify"), and give me three lists: exact matches, ' +
            'likely matches worth a check, and tracks TIDAL lacks.',
        ),
    ),
});
