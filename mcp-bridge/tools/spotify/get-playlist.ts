import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getJson, OffsetPage, playlistFailure } from './spotify-api.js';
import { Offset, spotifyId } from './spotify-inputs.js';
import {
  PlaylistDetails,
  SpotifyPlaylistDetailsObject,
  SpotifyPlaylistEntry,
  Track,
  entryTrack,
  toPlaylistDetails,
  trackLine,
} from './spotify-items.js';

/** `/playlists/{id}/items` answers at most 50 per page. */
const PAGE = 50;

const output = z.object({
  playlist: PlaylistDetails,
  items: z.array(z.object({ position: z.number(), addedAt: z.string().optional(), track: Track })),
  total: z.number(),
  offset: z.number(),
  nextOffset: z.number().optional(),
});

export const getPlaylist = defineTool({
  name: 'spotify_get_playlist',
  title: 'Get a playlist with its tracks',
  description:
    'A playlist’s details and tracks with positions (for reordering and removing); nextOffset pages on.',
  provider: 'spotify',
  scopes: ['playlist-read-private'],
  kind: 'read',
  idempotent: true,
  input: z.object({
    playlist_id: spotifyId('playlist').describe('Playlist ID or spotify:playlist: URI.'),
    limit: z.number().int().min(1).max(500).default(100).describe('Tracks to return.'),
    offset: Offset,
  }),
  output,
  async run({ playlist_id, limit, offset }, context) {
    const path = `/v1/playlists/${playlist_id}`;
    const details = await getJson(
      context,
      path,
      undefined,
      SpotifyPlaylistDetailsObject,
      'read the playlist',
      playlistFailure,
    );
    const playlist = toPlaylistDetails(details);
    const items: z.infer<typeof output>['items'] = [];
    let total = playlist.trackCount ?? 0;
    let position = offset;
    while (position < offset + limit) {
      const page = await getJson(
        context,
        `${path}/items`,
        { limit: String(Math.min(PAGE, offset + limit - position)), offset: String(position) },
        OffsetPage(SpotifyPlaylistEntry),
        'read the playlist’s tracks',
        playlistFailure,
      );
      total = page.total;
      page.items.forEach((entry, i) => {
        const track = entry ? entryTrack(entry) : undefined;
        if (track)
          items.push({ position: position + i, addedAt: entry?.added_at ?? undefined, track });
      });
      position += page.items.length;
      if (page.items.length === 0 || !page.next) break;
    }
    playlist.trackCount = total;
    const nextOffset = position < total ? position : undefined;
    const lines = items.map((item) => trackLine(item.position + 1, item.track));
    const header = `${playlist.name} — by ${playlist.owner} · ${total} tracks · ${playlist.uri}`;
    const more = nextOffset !== undefined ? `\nMore: call again with offset ${nextOffset}.` : '';
    return {
      structured: { playlist, items, total, offset, nextOffset },
      text: `${header}\n${lines.join('\n')}${more}`,
    };
  },
});
