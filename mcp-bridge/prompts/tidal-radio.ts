import * as z from 'zod';
import { searchTidal } from '../tools/tidal/search-tidal.js';
import { getTrackRadio } from '../tools/tidal/track-radio.js';
import { askFor, definePrompt } from './define-prompt.js';

export const tidalRadio = definePrompt({
  name: 'tidal_radio_from_a_song',
  uses: [searchTidal, getTrackRadio],
  register: (server) =>
    server.registerPrompt(
      'tidal_radio_from_a_song',
      {
        title: 'TIDAL radio from a song',
        description: 'Finds a song on TIDAL and lists the radio TIDAL builds from it.',
        argsSchema: { song: z.string().describe('Title and artist, e.g. "Heroes David Bowie".') },
      },
      ({ song }) =>
        askFor(
          `Find "${song}" on TIDAL with tidal_search (tracks), then get its radio with tidal_get_track_radio and ` +
            'show me the first 20 tracks, grouped by how close they feel to the original.',
        ),
    ),
});
