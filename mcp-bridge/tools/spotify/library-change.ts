import * as z from 'zod';
import type { ToolContext } from '../define-tool.js';
import { chunk, send } from './spotify-api.js';
import { spotifyUri } from './spotify-inputs.js';
import { partial } from './playlist-items.js';

/** Shared by saving to and removing from the library through `/me/library`. */

/** `/me/library` takes at most 40 URIs per request. */
const LIBRARY_CHUNK = 40;

// `/me/library` also takes users and playlists (spotify_follow_playlists follows playlists).
export const LibraryUri = spotifyUri('track', 'album', 'episode', 'show', 'audiobook');

export const libraryInput = z.object({
  uris: z
    .array(LibraryUri)
    .min(1)
    .max(1000)
    .describe('Track, album, podcast episode, podcast show and audiobook URIs.'),
  dry_run: z.boolean().default(false).describe('Only report what would change.'),
});

export const libraryOutput = z.object({
  dryRun: z.boolean(),
  tracks: z.number(),
  albums: z.number(),
  /** Podcast episodes and shows, and audiobooks. */
  spoken: z.number(),
  requests: z.number(),
});

export async function changeLibrary(
  context: ToolContext,
  method: 'PUT' | 'DELETE',
  { uris, dry_run }: z.infer<typeof libraryInput>,
): Promise<{ structured: z.infer<typeof libraryOutput>; text: string }> {
  const unique = [...new Set(uris)];
  const count = (kind: string) => unique.filter((uri) => uri.startsWith(`spotify:${kind}:`)).length;
  const parts = chunk(unique, LIBRARY_CHUNK);
  const structured = {
    dryRun: dry_run,
    tracks: count('track'),
    albums: count('album'),
    spoken: count('episode') + count('show') + count('audiobook'),
    requests: dry_run ? 0 : parts.length,
  };
  const verb = method === 'PUT' ? 'save' : 'remove';
  const summary =
    `${structured.tracks} tracks and ${structured.albums} albums` +
    (structured.spoken ? ` and ${structured.spoken} podcasts or audiobooks` : '');
  if (dry_run) {
    return { structured, text: `Dry run: would ${verb} ${summary}. Nothing was changed.` };
  }
  let done = 0;
  for (const part of parts) {
    try {
      await send(
        context,
        { method, path: '/v1/me/library', query: { uris: part.join(',') } },
        `${verb} items in your library`,
      );
    } catch (error) {
      throw partial(error, done, unique.length, method === 'PUT' ? 'saved' : 'removed');
    }
    done += part.length;
  }
  const past = method === 'PUT' ? 'Saved' : 'Removed';
  return {
    structured,
    text: `${past} ${summary} ${method === 'PUT' ? 'to' : 'from'} your library.`,
  };
}
