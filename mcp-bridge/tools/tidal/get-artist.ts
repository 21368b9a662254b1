import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { followPages, getDocument, profile, ResourceIndex } from './tidal-api.js';
import { tracksFor } from './tidal-catalog.js';
import {
  albumLine,
  CatalogId,
  TidalAlbum,
  TidalArtist,
  TidalTrack,
  toAlbum,
  toArtist,
  trackLine,
} from './tidal-items.js';
import { UnexpectedAnswer } from '../unexpected-answer.js';

export const getTidalArtist = defineTool({
  name: 'tidal_get_artist',
  title: 'Get a TIDAL artist with top tracks and albums',
  description: 'One TIDAL artist: name, their most popular tracks and their albums, newest first.',
  provider: 'tidal',
  scopes: ['user.read'],
  kind: 'read',
  idempotent: true,
  input: z.object({
    artist_id: CatalogId.describe('TIDAL artist id or tidal.com link.'),
    limit: z.number().int().min(1).max(50).default(10).describe('Top tracks and albums to list.'),
  }),
  output: z.object({
    artist: TidalArtist,
    topTracks: z.array(TidalTrack),
    albums: z.array(TidalAlbum),
  }),
  async run({ artist_id, limit }, context) {
    const me = await profile(context);
    const document = await getDocument(
      context,
      `/v2/artists/${artist_id}`,
      { countryCode: me.country },
      `read artist ${artist_id}`,
    );
    const index = new ResourceIndex().addDocument(document);
    const resource = index.get('artists', artist_id);
    if (!resource) {
      throw new UnexpectedAnswer(
        'tidal',
        `read artist ${artist_id}`,
        `no artists ${artist_id} in the document`,
      );
    }
    const artist = toArtist(resource);
    const pages = Math.ceil(limit / 20);
    const top = await followPages(
      context,
      `/v2/artists/${artist_id}/relationships/tracks`,
      { countryCode: me.country, collapseBy: 'FINGERPRINT', include: 'tracks' },
      `read top tracks of artist ${artist_id}`,
      { maxPages: pages },
    );
    const topTracks = await tracksFor(
      context,
      top.identifiers.slice(0, limit),
      me.country,
      top.index,
    );
    const albumPages = await followPages(
      context,
      `/v2/artists/${artist_id}/relationships/albums`,
      { countryCode: me.country, include: 'albums,albums.artists' },
      `read albums of artist ${artist_id}`,
      { maxPages: pages },
    );
    const albums = albumPages.identifiers.slice(0, limit).flatMap((identifier) => {
      const album = albumPages.index.get('albums', identifier.id);
      return album ? [toAlbum(album, albumPages.index)] : [];
    });
    const text = [
      `${artist.name} · tidal artist ${artist.id}`,
      `Top tracks:\n${topTracks.map((t, i) => trackLine(i + 1, t)).join('\n') || 'none'}`,
      `Albums:\n${albums.map((a, i) => albumLine(i + 1, a)).join('\n') || 'none'}`,
    ].join('\n\n');
    return { structured: { artist, topTracks, albums }, text };
  },
});
