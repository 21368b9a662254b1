import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { bestAlbum, bestArtist, normalise, sameSong, searchText } from './matching.js';
import type { MusicService } from './service.js';
import { SPOTIFY_SCOPES, spotifyService } from './spotify-service.js';
import { TIDAL_SCOPES, tidalService } from './tidal-service.js';

const Service = z.enum(['spotify', 'tidal']);
const Kind = z.enum(['track', 'album', 'artist']);
type Kind = z.infer<typeof Kind>;
const Item = z.object({
  id: z.string(),
  /** An artist's name, for artists. */
  title: z.string(),
  artists: z.array(z.string()),
});
type Item = z.infer<typeof Item>;
const Found = Item.extend({
  url: z.string(),
  matchedBy: z.enum(['isrc', 'upc', 'title', 'top-tracks', 'name']),
  sharedTopTracks: z.number().optional(),
});
type Found = z.infer<typeof Found>;

const NAMES = { spotify: 'Spotify', tidal: 'TIDAL' } as const;
const HOW: Record<Found['matchedBy'], string> = {
  isrc: 'ISRC',
  upc: 'UPC barcode',
  title: 'title, artist and length',
  'top-tracks': 'name and shared top tracks',
  name: 'name only — worth a check',
};

export const findOnOtherService = defineTool({
  name: 'find_on_other_service',
  title: 'Find a track, album or artist on the other service',
  description:
    'The best match on the other service for a track, album or artist: by ISRC or UPC, then title, artist and length.',
  provider: 'tidal',
  scopes: TIDAL_SCOPES.filter((scope) => scope !== 'playlists.write'),
  otherProviders: { spotify: SPOTIFY_SCOPES },
  kind: 'read',
  idempotent: true,
  input: z.object({
    from: Service.describe('The service the item is on.'),
    kind: Kind.default('track').describe('What the id is: track (default), album or artist.'),
    id: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{1,40}$/, 'a Spotify or TIDAL id')
      .describe('The Spotify (base62) or TIDAL (numeric) id.'),
  }),
  output: z.object({
    from: Service,
    to: Service,
    kind: Kind,
    source: Item,
    match: Found.optional(),
  }),
  async run({ from, kind, id }, context) {
    const services = { spotify: spotifyService(context), tidal: tidalService(context) };
    const to: 'spotify' | 'tidal' = from === 'spotify' ? 'tidal' : 'spotify';
    const { source, match } = await FINDERS[kind](services[from], services[to], id);
    const what = `${source.title}${kind === 'artist' ? '' : ` — ${source.artists.join(', ')}`}`;
    const text = match
      ? `${what} on ${NAMES[to]}: ${match.title}${kind === 'artist' ? '' : ` — ${match.artists.join(', ')}`} (matched by ${HOW[match.matchedBy]}) · ${match.url}`
      : `${what} is not on ${NAMES[to]} (no ${kind === 'track' ? 'ISRC or title-and-artist' : kind === 'album' ? 'UPC or title, artist and track-count' : 'same-name artist'} match).`;
    return { structured: { from, to, kind, source, ...(match ? { match } : {}) }, text };
  },
});

type Finder = (
  source: MusicService,
  target: MusicService,
  id: string,
) => Promise<{ source: Item; match?: Found }>;

const FINDERS: Record<Kind, Finder> = {
  async track(from, target, id) {
    const track = await from.track(id);
    const source = { id: track.id, title: track.title, artists: track.artists };
    const byIsrc = track.isrc ? (await target.byIsrc([track.isrc])).get(track.isrc) : undefined;
    const candidates = await target.search(searchText(track));
    if (byIsrc) {
      const same = candidates.find((c) => c.id === byIsrc) ?? (await target.track(byIsrc));
      return { source, match: found(target, 'track', same, 'isrc') };
    }
    const hit = candidates.find((candidate) => sameSong(track, candidate));
    return { source, ...(hit ? { match: found(target, 'track', hit, 'title') } : {}) };
  },
  async album(from, target, id) {
    const album = await from.album(id);
    const source = { id: album.id, title: album.title, artists: album.artists };
    const best = bestAlbum(album, await target.albumCandidates(album));
    return {
      source,
      ...(best ? { match: found(target, 'album', best.album, best.matchedBy) } : {}),
    };
  },
  async artist(from, target, id) {
    const artist = await from.artist(id);
    const source = { id: artist.id, title: artist.name, artists: [artist.name] };
    const candidates = await target.artistCandidates(artist.name);
    const namesakes = candidates
      .filter((c) => normalise(c.name) === normalise(artist.name))
      .slice(0, 5);
    if (namesakes.length === 0) return { source };
    const isrcs = new Set(await from.topTrackIsrcs(artist.id));
    // Shared top tracks decide between namesakes, and confirm a lone one.
    const withTracks = await Promise.all(
      namesakes.map(async (c) => ({ ...c, isrcs: await target.topTrackIsrcs(c.id) })),
    );
    const best = bestArtist(artist, isrcs, withTracks);
    if (!best) return { source };
    const item = { id: best.artist.id, title: best.artist.name, artists: [best.artist.name] };
    return {
      source,
      match: {
        ...found(target, 'artist', item, best.matchedBy),
        sharedTopTracks: best.sharedTracks,
      },
    };
  },
};

function found(
  target: MusicService,
  kind: Kind,
  item: { id: string; title: string; artists: string[] },
  matchedBy: Found['matchedBy'],
): Found {
  return {
    id: item.id,
    title: item.title,
    artists: item.artists,
    url: target.url(kind, item.id),
    matchedBy,
  };
}
