import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getDocument, profile, ResourceIndex } from './tidal-api.js';
import { minutes, PlaylistId, TidalPlaylist, TidalTrack, toPlaylist } from './tidal-items.js';
import { playlistTracks } from './tidal-radio.js';
import { UnexpectedAnswer } from '../unexpected-answer.js';

/** At most this many pages (20 items each) are read: 2,000 tracks. */
const MAX_PAGES = 100;

const Item = TidalTrack.extend({ position: z.number(), itemId: z.string().optional() });

export const getTidalPlaylist = defineTool({
  name: 'tidal_get_playlist',
  title: 'Get a TIDAL playlist with its tracks',
  description:
    'One TIDAL playlist or mix with its tracks (up to 2,000) and their item ids, for removing and reordering.',
  provider: 'tidal',
  scopes: ['playlists.read', 'user.read'],
  kind: 'read',
  idempotent: true,
  input: z.object({ playlist_id: PlaylistId.describe('TIDAL playlist or mix id, or its link.') }),
  output: z.object({ playlist: TidalPlaylist, items: z.array(Item), truncated: z.boolean() }),
  async run({ playlist_id }, context) {
    const me = await profile(context);
    const document = await getDocument(
      context,
      `/v2/playlists/${playlist_id}`,
      { countryCode: me.country },
      `read playlist ${playlist_id}`,
    );
    const resource = new ResourceIndex().addDocument(document).get('playlists', playlist_id);
    if (!resource) {
      throw new UnexpectedAnswer(
        'tidal',
        `read playlist ${playlist_id}`,
        `no playlists ${playlist_id} in the document`,
      );
    }
    const playlist = toPlaylist(resource);
    const { items: pages, tracks } = await playlistTracks(
      context,
      playlist_id,
      me.country,
      MAX_PAGES,
    );
    const byId = new Map(tracks.map((track) => [track.id, track]));
    const items = pages.identifiers.flatMap((identifier, position) => {
      const track = byId.get(identifier.id);
      const itemId = identifier.meta?.itemId;
      return track
        ? [{ ...track, position, ...(typeof itemId === 'string' ? { itemId } : {}) }]
        : [];
    });
    const lines = items.map(
      (item) =>
        `${item.position + 1}. ${item.title} — ${item.artists.join(', ')} · ${minutes(item.durationMs)} · tidal track ${item.id}${item.itemId ? ` · item ${item.itemId}` : ''}`,
    );
    const cut = pages.truncated ? `\n(Only the first ${items.length} tracks were read.)` : '';
    return {
      structured: { playlist, items, truncated: pages.truncated },
      text: `${playlist.name} · ${items.length} tracks · ${playlist.url}\n${lines.join('\n')}${cut}`,
    };
  },
});
