import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { followPages, profile } from './tidal-api.js';
import { tracksFor } from './tidal-catalog.js';
import { CollectionKind, collectionPath } from './tidal-collection.js';
import {
  albumLine,
  artistLine,
  playlistLine,
  TidalLists,
  toAlbum,
  toArtist,
  toPlaylist,
  trackLine,
} from './tidal-items.js';

const output = z.object({ kind: CollectionKind, ...TidalLists, truncated: z.boolean() });

export const getTidalCollection = defineTool({
  name: 'tidal_get_collection',
  title: 'List TIDAL favourites',
  description:
    'The person’s TIDAL collection (favourites) of one kind: tracks, albums, artists or playlists, newest first.',
  provider: 'tidal',
  scopes: ['collection.read', 'user.read'],
  kind: 'read',
  idempotent: true,
  input: z.object({
    kind: CollectionKind.default('tracks'),
    limit: z.number().int().min(1).max(500).default(50).describe('At most this many.'),
  }),
  output,
  async run({ kind, limit }, context) {
    const me = await profile(context);
    const include = kind === 'albums' ? 'albums,albums.artists' : kind;
    const pages = await followPages(
      context,
      collectionPath(me.id, kind),
      { include },
      `read your TIDAL ${kind}`,
      { maxPages: Math.ceil(limit / 20), maxItems: limit },
    );
    const ids = pages.identifiers.slice(0, limit);
    const truncated = pages.truncated || pages.identifiers.length > limit;
    const resources = ids.flatMap((item) => pages.index.get(item.type, item.id) ?? []);
    let lines: string[];
    const out: z.infer<typeof output> = { kind, truncated };
    if (kind === 'tracks') {
      out.tracks = await tracksFor(context, ids, me.country, pages.index);
      lines = out.tracks.map((t, i) => trackLine(i + 1, t));
    } else if (kind === 'albums') {
      out.albums = resources.map((r) => toAlbum(r, pages.index));
      lines = out.albums.map((a, i) => albumLine(i + 1, a));
    } else if (kind === 'artists') {
      out.artists = resources.map(toArtist);
      lines = out.artists.map((a, i) => artistLine(i + 1, a));
    } else {
      out.playlists = resources.map(toPlaylist);
      lines = out.playlists.map((p, i) => playlistLine(i + 1, p));
    }
    const more = truncated ? `\n(More in the collection; raise limit to see them.)` : '';
    return {
      structured: out,
      text: `Your TIDAL ${kind}:\n${lines.join('\n') || 'None.'}${more}`,
    };
  },
});
