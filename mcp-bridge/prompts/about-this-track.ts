import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import * as z from 'zod';
import { getArtist } from '../tools/spotify/get-artist.js';
import { getPlayback } from '../tools/spotify/get-playback.js';
import { askFor, completeFrom, definePrompt } from './define-prompt.js';

export const aboutThisTrack = definePrompt({
  name: 'tell_me_about_this_track',
  uses: [getPlayback, getArtist],
  register: (server) =>
    server.registerPrompt(
      'tell_me_about_this_track',
      {
        title: 'Tell me about what’s playing',
        description: 'Background on the track Spotify is playing now and its artist.',
        argsSchema: {
          angle: completable(
            z
              .string()
              .optional()
              .describe('What to focus on: the artist, the album, the sound, similar music.'),
            completeFrom(['the artist', 'the album', 'the sound', 'similar music']),
          ),
        },
      },
      ({ angle }) =>
        askFor(
          'Tell me about the track Spotify is playing. Get it with spotify_get_playback, then the artist with ' +
            `spotify_get_artist (with their top tracks), and tell me about ${angle ?? 'the artist and the album'} in a few short paragraphs.`,
        ),
    ),
});
