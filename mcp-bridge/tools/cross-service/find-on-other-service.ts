import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { sameSong, searchText } from './matching.js';
import { SPOTIFY_SCOPES, spotifyService } from './spotify-service.js';
import { TIDAL_SCOPES, tidalService } from './tidal-service.js';

const Service = z.enum(['spotify', 'tidal']);
const Found = z.object({
  id: z.string(),
  title: z.string(),
  artists: z.array(z.string()),
  url: z.string(),
  matchedBy: z.enum(['isrc', 'title']),
});

export const findOnOtherService = defineTool({
  name: 'find_on_other_service',
  title: 'Find a track on the other service',
  description:
    'For a Spotify track, its TIDAL match; for a TIDAL track, its Spotify match. Matches by ISRC first, then by title, artist and length.',
  provider: 'tidal',
  scopes: TIDAL_SCOPES.filter((scope) => scope !== 'playlists.write'),
  otherProviders: { spotify: SPOTIFY_SCOPES },
  kind: 'read',
  idempotent: true,
  input: z.object({
    from: Service.describe('The service the track is on.'),
    track_id: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{1,40}$/, 'a Spotify or TIDAL track id'),
  }),
  output: z.object({ from: Service, to: Service, match: Found.optional() }),
  async run({ from, track_id }, context) {
    const services = { spotify: spotifyService(context), tidal: tidalService(context) };
    const to: 'spotify' | 'tidal' = from === 'spotify' ? 'tidal' : 'spotify';
    const track = await services[from].track(track_id);
    const target = services[to];
    let match: z.infer<typeof Found> | undefined;
    const byIsrc = track.isrc ? (await target.byIsrc([track.isrc])).get(track.isrc) : undefined;
    const candidates = await target.search(searchText(track));
    if (byIsrc) {
      const same = candidates.find((c) => c.id === byIsrc) ?? (await target.track(byIsrc));
      match = { ...pick(same), url: target.url('track', byIsrc), matchedBy: 'isrc' };
    } else {
      const hit = candidates.find((candidate) => sameSong(track, candidate));
      if (hit) match = { ...pick(hit), url: target.url('track', hit.id), matchedBy: 'title' };
    }
    const names = { spotify: 'Spotify', tidal: 'TIDAL' };
    const text = match
      ? `${track.title} — ${track.artists.join(', ')} on ${names[to]}: ${match.title} — ${match.artists.join(', ')} (matched by ${match.matchedBy === 'isrc' ? 'ISRC' : 'title and artist'}) · ${match.url}`
      : `${track.title} — ${track.artists.join(', ')} is not on ${names[to]} (no ISRC or title-and-artist match).`;
    return { structured: { from, to, ...(match ? { match } : {}) }, text };
  },
});

function pick(track: { id: string; title: string; artists: string[] }) {
  return { id: track.id, title: track.title, artists: track.artists };
}
