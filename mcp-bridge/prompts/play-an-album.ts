import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import * as z from 'zod';
import { getSavedAlbums } from '../tools/spotify/get-saved-albums.js';
import { play } from '../tools/spotify/play.js';
import type { BridgeContext } from '../tool-context.js';
import { askFor, definePrompt } from './define-prompt.js';

/** The person's saved albums containing what they typed, for completion; nothing on failure. */
async function savedAlbumNames(context: BridgeContext, typed: string): Promise<string[]> {
  const wanted = typed.trim().toLowerCase();
  const saved = await context.run(getSavedAlbums, { limit: 50 }).catch(() => undefined);
  return (saved?.structured.albums ?? [])
    .map((album) => album.name)
    .filter((name) => name.toLowerCase().includes(wanted))
    .slice(0, 20);
}

export const playAnAlbum = definePrompt({
  name: 'play_an_album',
  uses: [getSavedAlbums, play],
  register: (server, context) =>
    server.registerPrompt(
      'play_an_album',
      {
        title: 'Play an album',
        description:
          'Plays one of the person’s saved albums (or any album) from the start on Spotify.',
        argsSchema: {
          album: completable(
            z.string().describe('Album name; completes from saved albums.'),
            (typed) => savedAlbumNames(context, typed),
          ),
        },
      },
      ({ album }) =>
        askFor(
          `Play the album "${album}" on Spotify from its first track, with shuffle off. Look in my saved albums ` +
            '(spotify_get_saved_albums) first, else search for it; then start it with spotify_play and tell me what is playing.',
        ),
    ),
});
