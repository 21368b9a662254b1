import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { apiFailure, ToolError } from '../tool-error.js';
import {
  Album,
  Artist,
  Playlist,
  SpotifyAlbumObject,
  SpotifyArtistObject,
  SpotifyPlaylistObject,
  SpotifyTrackObject,
  Track,
  toAlbum,
  toArtist,
  toPlaylist,
  toTrack,
  trackLine,
} from './spotify-items.js';

// Spotify answers at most this many results per type per page (February 2026 limit).
const SPOTIFY_PAGE_SIZE = 10;
const SearchType = z.enum(['track', 'album', 'artist', 'playlist']);

const input = z.object({
  query: z
    .string()
    .trim()
    .min(1)
    .max(250)
    .describe('What to look for, e.g. "blue in green miles davis" or "artist:Nina Simone".'),
  // Spotify's own parameter is `type`; one kind or several are both natural for an assistant.
  type: z
    .union([SearchType, z.array(SearchType).min(1).max(4)])
    .default(['track'])
    .describe(
      'Which kinds of results to return: "track", "album", "artist", "playlist", or a list.',
    ),
  limit: z.number().int().min(1).max(50).default(10).describe('Results per type.'),
  offset: z
    .number()
    .int()
    .min(0)
    .max(1000)
    .default(0)
    .describe('Skip this many results per type, for paging.'),
});

const output = z.object({
  query: z.string(),
  tracks: z.array(Track).optional(),
  albums: z.array(Album).optional(),
  artists: z.array(Artist).optional(),
  playlists: z.array(Playlist).optional(),
  totals: z.record(z.string(), z.number()),
});

const Page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item.nullable()),
    total: z.number(),
    next: z.string().nullable().optional(),
  });
const SearchResponse = z.object({
  tracks: Page(SpotifyTrackObject).optional(),
  albums: Page(SpotifyAlbumObject).optional(),
  artists: Page(SpotifyArtistObject).optional(),
  playlists: Page(SpotifyPlaylistObject).optional(),
});

type Results = z.infer<typeof output>;

export const searchSpotify = defineTool({
  name: 'spotify_search',
  title: 'Search Spotify',
  description:
    'Search Spotify for tracks, albums, artists and playlists; returns Spotify URIs the other Spotify tools accept.',
  provider: 'spotify',
  scopes: [],
  kind: 'read',
  idempotent: true,
  input,
  output,
  async run({ query, type, limit, offset }, context) {
    const types = [...new Set(Array.isArray(type) ? type : [type])];
    const results: Results = { query, totals: {} };
    // Spotify pages at 10: fetch consecutive pages until the limit is met or results run out.
    for (let fetched = 0; fetched < limit; fetched += SPOTIFY_PAGE_SIZE) {
      const pageLimit = Math.min(SPOTIFY_PAGE_SIZE, limit - fetched);
      const response = await context.api({
        method: 'GET',
        path: '/v1/search',
        query: {
          q: query,
          type: types.join(','),
          limit: String(pageLimit),
          offset: String(offset + fetched),
        },
      });
      if (response.status !== 200) throw apiFailure('spotify', response, 'search');
      const parsed = SearchResponse.safeParse(response.body);
      if (!parsed.success) {
        throw new ToolError(
          'bad_response',
          'Spotify answered the search in an unexpected shape. Try again; if it persists, update TuneBridge.',
        );
      }
      const page = parsed.data;
      const more = appendPage(results, page);
      if (!more) break;
    }
    return { structured: results, text: describe(results) };
  },
});

/** Adds one page to the results; false once no type has a further page. */
function appendPage(results: Results, page: z.infer<typeof SearchResponse>): boolean {
  let more = false;
  if (page.tracks) {
    results.tracks = [...(results.tracks ?? []), ...present(page.tracks.items).map(toTrack)];
    results.totals.tracks = page.tracks.total;
    more ||= Boolean(page.tracks.next);
  }
  if (page.albums) {
    results.albums = [...(results.albums ?? []), ...present(page.albums.items).map(toAlbum)];
    results.totals.albums = page.albums.total;
    more ||= Boolean(page.albums.next);
  }
  if (page.artists) {
    results.artists = [...(results.artists ?? []), ...present(page.artists.items).map(toArtist)];
    results.totals.artists = page.artists.total;
    more ||= Boolean(page.artists.next);
  }
  if (page.playlists) {
    results.playlists = [
      ...(results.playlists ?? []),
      ...present(page.playlists.items).map(toPlaylist),
    ];
    results.totals.playlists = page.playlists.total;
    more ||= Boolean(page.playlists.next);
  }
  return more;
}

// Spotify's search pages can hold nulls where an item was removed since indexing.
function present<T>(items: Array<T | null>): T[] {
  return items.filter((item): item is T => item !== null);
}

function describe(results: Results): string {
  const sections: string[] = [];
  if (results.tracks) {
    sections.push(
      section(
        'Tracks',
        results.tracks.map((track, i) => trackLine(i + 1, track)),
      ),
    );
  }
  if (results.albums) {
    sections.push(
      section(
        'Albums',
        results.albums.map(
          (a, i) =>
            `${i + 1}. ${a.name} — ${a.artists.join(', ')}${a.releaseDate ? ` · ${a.releaseDate.slice(0, 4)}` : ''} · ${a.uri}`,
        ),
      ),
    );
  }
  if (results.artists) {
    sections.push(
      section(
        'Artists',
        results.artists.map(
          (a, i) =>
            `${i + 1}. ${a.name}${a.genres.length ? ` · ${a.genres.slice(0, 3).join(', ')}` : ''} · ${a.uri}`,
        ),
      ),
    );
  }
  if (results.playlists) {
    sections.push(
      section(
        'Playlists',
        results.playlists.map(
          (p, i) =>
            `${i + 1}. ${p.name} — by ${p.owner}${p.trackCount !== undefined ? ` · ${p.trackCount} tracks` : ''} · ${p.uri}`,
        ),
      ),
    );
  }
  return [`Spotify results for “${results.query}”:`, ...sections].join('\n\n');
}

function section(heading: string, lines: string[]): string {
  return lines.length > 0 ? `${heading}:\n${lines.join('\n')}` : `${heading}: none found.`;
}
