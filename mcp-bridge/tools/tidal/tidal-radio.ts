import * as z from 'zod';
import type { ToolContext } from '../define-tool.js';
import { followPages, getDocument, ResourceIndex, type Call } from './tidal-api.js';
import { tracksFor } from './tidal-catalog.js';
import { TidalPlaylist, TidalTrack, toPlaylist, trackLine } from './tidal-items.js';

export const RadioOutput = z.object({
  mix: TidalPlaylist.optional(),
  tracks: z.array(TidalTrack),
  truncated: z.boolean(),
});
export type RadioOutput = z.infer<typeof RadioOutput>;

/** Reads every track of a playlist or mix, following cursors up to `maxPages`. */
export async function playlistTracks(
  context: ToolContext | Call,
  playlistId: string,
  country: string,
  maxPages: number,
) {
  const items = await followPages(
    context,
    `/v2/playlists/${playlistId}/relationships/items`,
    { countryCode: country, include: 'items,items.artists,items.albums' },
    `read the tracks of playlist ${playlistId}`,
    { maxPages },
  );
  const tracks = await tracksFor(context, items.identifiers, country, items.index);
  return { items, tracks };
}

/** A radio relationship (a mix) and its tracks. */
export async function radio(
  context: ToolContext | Call,
  path: string,
  query: Record<string, string>,
  country: string,
  what: string,
): Promise<RadioOutput> {
  const document = await getDocument(context, path, { ...query, include: 'radio' }, what);
  const index = new ResourceIndex().addDocument(document);
  const data = Array.isArray(document.data) ? document.data : [];
  const first = data[0];
  if (!first) return { tracks: [], truncated: false };
  const mixResource = index.get('playlists', first.id);
  const { items, tracks } = await playlistTracks(context, first.id, country, 5);
  return {
    ...(mixResource ? { mix: toPlaylist(mixResource) } : {}),
    tracks,
    truncated: items.truncated,
  };
}

export function radioText(heading: string, out: RadioOutput): string {
  const lines = out.tracks.map((track, i) => trackLine(i + 1, track));
  const link = out.mix ? `\n${out.mix.url}` : '';
  return `${heading}${link}\n${lines.join('\n') || 'No tracks.'}`;
}
