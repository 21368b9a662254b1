import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EndpointTable } from '../../electron/host/providers/endpoint-table.js';
import { TIDAL_ENDPOINTS } from '../../electron/host/providers/tidal/tidal-endpoints.js';
import { TOOLS as allTools } from '../../mcp-bridge/tools/index.js';

const table = new EndpointTable(TIDAL_ENDPOINTS);
const PLAYLIST_READS = [
  '/v2/playlists/0f4b2c3e-7d1a-4b8e-9c2f-5a6d7e8f9a0b',
  '/v2/playlists/0f4b2c3e-7d1a-4b8e-9c2f-5a6d7e8f9a0b/relationships/items',
];

/** Reading a person's TIDAL playlist needs the scope the spec names for it, as Spotify's does. */
describe('TIDAL playlist reads', () => {
  it('require playlists.read, a scope the vendored TIDAL spec defines', () => {
    const spec = readFileSync('specs/tidal-api.subset.json', 'utf8');
    expect(spec).toContain('"playlists.read"');
    for (const path of PLAYLIST_READS) {
      expect(table.match('GET', path)?.scopes, path).toEqual(['playlists.read']);
    }
  });

  it('are asked for by every tool that reads a playlist', () => {
    const readers = allTools.filter(
      (tool) => tool.provider === 'tidal' && /playlist|radio/.test(tool.name),
    );
    expect(readers.length).toBeGreaterThan(0);
    for (const tool of readers.filter((t) => !/create|update|add_to/.test(t.name))) {
      expect(tool.scopes, tool.name).toContain('playlists.read');
    }
  });
});
