import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import * as z from 'zod';
import { completePlaylistName } from '../resources/playlist-choices.js';
import { getPlaylist } from '../tools/spotify/get-playlist.js';
import { removeFromPlaylist } from '../tools/spotify/remove-from-playlist.js';
import { askFor, definePrompt } from './define-prompt.js';

export const cleanDuplicates = definePrompt({
  name: 'clean_playlist_duplicates',
  uses: [getPlaylist, removeFromPlaylist],
  register: (server, context) =>
    server.registerPrompt(
      'clean_playlist_duplicates',
      {
        title: 'Clean out duplicates',
        description:
          'Finds tracks that appear more than once in a Spotify playlist and removes the extra copies.',
        argsSchema: {
          playlist: completable(z.string().describe('The playlist’s name (or id).'), (typed) =>
            completePlaylistName(context, ['spotify'], typed),
          ),
        },
      },
      ({ playlist }) =>
        askFor(
          `Clean out duplicates in my Spotify playlist "${playlist}". Read every track with spotify_get_playlist ` +
            '(page through with offset). Count a track as a duplicate when the same URI, or the same title and artists, appears again; ' +
            'keep the first occurrence. List the extra copies with their positions, run spotify_remove_from_playlist with dry_run, ' +
            'and remove them only after I say yes.',
        ),
    ),
});
