import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../mcp-bridge/host-session.js';
import type { ToolContext } from '../../mcp-bridge/tools/define-tool.js';
import { serialise } from '../../playlist-files/formats.js';
import { combine, findDuplicates, sortEntries } from '../../mcp-bridge/tools/library/hygiene.js';
import { parseTracks } from '../../mcp-bridge/tools/library/parse-tracks.js';
import type { Entry } from '../../playlist-files/entry.js';
import { spotifyPlaylists } from '../../mcp-bridge/tools/library/spotify-playlists.js';

const entry = (trackId: string, position: number, extra: Partial<Entry> = {}): Entry => ({
  trackId,
  position,
  title: `Song ${trackId}`,
  artists: ['Someone'],
  durationMs: 200_000,
  ...extra,
});
const url = (id: string) => `https://open.spotify.com/track/${id}`;

describe('playlist files', () => {
  it('round-trips titles with quotes, commas and line breaks through CSV, and defuses formulas', () => {
    const tricky = [
      entry('a', 0, { title: 'Hello, "World"\nagain', artists: ['A', 'B'], isrc: 'GBAAA2600001' }),
      entry('b', 1, { title: '=HYPERLINK("x")', durationMs: 61_000 }),
    ];
    const csv = serialise('List', tricky, 'csv', url);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const back = parseTracks(csv, 'auto');
    expect(back[0]).toEqual({
      title: 'Hello, "World"\nagain',
      artists: ['A', 'B'],
      durationMs: 200_000,
      isrc: 'GBAAA2600001',
    });
    expect(back[1]?.title).toBe(`'=HYPERLINK("x")`);
  });

  it('reads semicolon- and tab-separated exports with their own column names', () => {
    const semi = 'Track name;Artist name(s);Duration (ms);ISRC\nSong;Band;215000;us-abc-26-00001';
    expect(parseTracks(semi, 'csv')).toEqual([
      { title: 'Song', artists: ['Band'], durationMs: 215_000, isrc: 'USABC2600001' },
    ]);
    expect(parseTracks('name\tartist\tlength\nTune\tPlayer\t3:35', 'auto')).toEqual([
      { title: 'Tune', artists: ['Player'], durationMs: 215_000 },
    ]);
  });

  it('reads XSPF entities and identifiers, and M3U “Artist - Title” lines', () => {
    const xspf = serialise(
      'X & Y',
      [entry('a', 0, { title: 'Rock & <Roll>', isrc: 'GBAAA2600002' })],
      'xspf',
      url,
    );
    expect(parseTracks(xspf, 'auto')).toEqual([
      { title: 'Rock & <Roll>', artists: ['Someone'], durationMs: 200_000, isrc: 'GBAAA2600002' },
    ]);
    const m3u = serialise('M', [entry('a', 0, { artists: ['Ann', 'Bo'] })], 'm3u8', url);
    expect(parseTracks(m3u, 'auto')).toEqual([
      { title: 'Song a', artists: ['Ann', 'Bo'], durationMs: 200_000 },
    ]);
  });
});

describe('hygiene', () => {
  it('keeps the first of each track, and by ISRC the first release of each recording', () => {
    const list = [
      entry('a', 0, { isrc: 'X1' }),
      entry('b', 1, { isrc: 'x1' }),
      entry('a', 2, { isrc: 'X1' }),
      entry('c', 3),
    ];
    expect(findDuplicates(list, 'id').map((d) => d.entry.position)).toEqual([2]);
    expect(findDuplicates(list, 'isrc').map((d) => [d.entry.position, d.reason])).toEqual([
      [1, 'same recording'],
      [2, 'same track'],
    ]);
  });

  it('sorts stably, with missing values last either way', () => {
    const list = [
      entry('a', 0, { releaseDate: '2020' }),
      entry('b', 1),
      entry('c', 2, { releaseDate: '2024-05-01' }),
      entry('d', 3, { releaseDate: '2020' }),
    ];
    expect(sortEntries(list, 'release_date', false).map((e) => e.trackId)).toEqual([
      'a',
      'd',
      'c',
      'b',
    ]);
    expect(sortEntries(list, 'release_date', true).map((e) => e.trackId)).toEqual([
      'c',
      'a',
      'd',
      'b',
    ]);
  });

  it('merges, intersects and differences by id or ISRC', () => {
    const one = [entry('a', 0), entry('b', 1, { isrc: 'I2' }), entry('c', 2)];
    const two = [entry('z', 0, { isrc: 'I2' }), entry('c', 1), entry('d', 2)];
    const ids = (list: Entry[]) => list.map((e) => e.trackId);
    expect(ids(combine([one, two], 'merge'))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(combine([one, two], 'intersect'))).toEqual(['b', 'c']);
    expect(ids(combine([one, two], 'difference'))).toEqual(['a']);
  });
});

describe('removing single occurrences on Spotify', () => {
  it('puts the kept occurrences back at their places, counting items that are not tracks', async () => {
    const sent: ApiRequest[] = [];
    const context = {
      apiFor: (_provider: string, _scopes: readonly string[], request: ApiRequest) => {
        sent.push(request);
        return Promise.resolve({ status: 200, body: { snapshot_id: 's' } });
      },
    } as unknown as ToolContext;
    // Position 1 is an episode the reader skipped; "a" is at 0 and 3, "b" at 2 and 4.
    const entries = [entry('a', 0), entry('b', 2), entry('a', 3), entry('b', 4), entry('c', 5)];
    const playlist = { id: 'p', name: 'P', entries, truncated: false, otherItems: 1 };
    await spotifyPlaylists(context).removeEntries(playlist, [entries[2]!, entries[3]!]);
    expect(sent.map((r) => [r.method, r.body])).toEqual([
      ['DELETE', { items: [{ uri: 'spotify:track:a' }, { uri: 'spotify:track:b' }] }],
      ['POST', { uris: ['spotify:track:a'], position: 0 }],
      ['POST', { uris: ['spotify:track:b'], position: 2 }],
    ]);
  });
});
