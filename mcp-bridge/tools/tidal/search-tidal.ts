import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getDocument, profile, ResourceIndex, relationshipIds } from './tidal-api.js';
import {
  albumLine,
  artistLine,
  playlistLine,
  TidalLists,
  toAlbum,
  toArtist,
  toPlaylist,
  toTrack,
  trackLine,
} from './tidal-items.js';

const Kind = z.enum(['tracks', 'albums', 'artists', 'playlists', 'topHits']);

const input = z.object({
  query: z.string().trim().min(1).max(256).describe('What to look for, e.g. "blue in green".'),
  kinds: z
    .array(Kind)
    .min(1)
    .max(5)
    .default(['topHits', 'tracks'])
    .describe('Which result lists to return: tracks, albums, artists, playlists, topHits.'),
  limit: z.number().int().min(1).max(20).default(10).describe('Results per list.'),
});

const TopHit = z.object({ type: z.string(), id: z.string(), name: z.string() });
const output = z.object({
  query: z.string(),
  ...TidalLists,
  topHits: z.array(TopHit).optional(),
});
type Output = z.infer<typeof output>;

export const searchTidal = defineTool({
  name: 'tidal_search',
  title: 'Search TIDAL',
  description:
    'Search TIDAL for tracks, albums, artists, playlists and top hits; returns ids the other tidal_* tools accept.',
  provider: 'tidal',
  scopes: ['search.read', 'user.read'],
  kind: 'read',
  idempotent: true,
  input,
  output,
  async run({ query, kinds, limit }, context) {
    const me = await profile(context);
    const wanted = [...new Set(kinds)];
    // Tracks and albums need their artists (and tracks their album) to be quotable.
    const include = wanted.flatMap((kind) =>
      kind === 'tracks' || kind === 'topHits'
        ? [kind, `${kind}.artists`, `${kind}.albums`]
        : kind === 'albums'
          ? [kind, 'albums.artists']
          : [kind],
    );
    const document = await getDocument(
      context,
      '/v2/searchResults',
      { 'filter[query]': query, countryCode: me.country, include: include.join(',') },
      'search',
    );
    const index = new ResourceIndex().addDocument(document);
    const result = Array.isArray(document.data) ? document.data[0] : document.data;
    const out: Output = { query };
    const ids = (name: string) => (result ? relationshipIds(result, name).slice(0, limit) : []);
    const resources = (name: string) =>
      ids(name).flatMap((identifier) => index.get(identifier.type, identifier.id) ?? []);
    if (wanted.includes('tracks')) out.tracks = resources('tracks').map((r) => toTrack(r, index));
    if (wanted.includes('albums')) out.albums = resources('albums').map((r) => toAlbum(r, index));
    if (wanted.includes('artists')) out.artists = resources('artists').map(toArtist);
    if (wanted.includes('playlists')) out.playlists = resources('playlists').map(toPlaylist);
    if (wanted.includes('topHits')) {
      out.topHits = resources('topHits').map((r) => ({
        type: r.type,
        id: r.id,
        name: String(r.attributes?.title ?? r.attributes?.name ?? r.id),
      }));
    }
    return { structured: out, text: describe(out) };
  },
});

function describe(out: Output): string {
  const sections = [`TIDAL results for “${out.query}”:`];
  const section = (heading: string, lines: string[] | undefined) => {
    if (lines)
      sections.push(lines.length ? `${heading}:\n${lines.join('\n')}` : `${heading}: none found.`);
  };
  section(
    'Top hits',
    out.topHits?.map(
      (hit, i) => `${i + 1}. ${hit.name} · tidal ${hit.type.replace(/s$/, '')} ${hit.id}`,
    ),
  );
  section(
    'Tracks',
    out.tracks?.map((track, i) => trackLine(i + 1, track)),
  );
  section(
    'Albums',
    out.albums?.map((album, i) => albumLine(i + 1, album)),
  );
  section(
    'Artists',
    out.artists?.map((artist, i) => artistLine(i + 1, artist)),
  );
  section(
    'Playlists',
    out.playlists?.map((playlist, i) => playlistLine(i + 1, playlist)),
  );
  return sections.join('\n\n');
}
