import { afterEach, describe, expect, it } from 'vitest';
import { scriptedBridge, type ScriptedBridge } from './scripted-provider.js';

const TRACK_ID = '251380837';
const PLAYLIST_ID = '0f4b2c3e-7d1a-4b8e-9c2f-5a6d7e8f9a0b';
const me = { data: { id: 'u1', type: 'users', attributes: { country: 'NO' } } };
const text = (result: { content: unknown }) =>
  (result.content as Array<{ text: string }>)[0]?.text ?? '';

/** A provider answer that doesn't fit the request is the provider's doing, and says so. */
describe('a provider answer that does not fit', () => {
  let bridge: ScriptedBridge;
  afterEach(async () => {
    await bridge.close();
  });

  it('TIDAL answering with another track: said to be TIDAL, detail in the audit record', async () => {
    bridge = await scriptedBridge((_provider, request) => {
      if (request.path === '/v2/users/me') return { status: 200, body: me };
      return {
        status: 200,
        body: { data: { id: '999', type: 'tracks', attributes: { title: 'Something else' } } },
      };
    });
    const result = await bridge.call('tidal_get_track', { track_id: TRACK_ID });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^TIDAL answered with something unexpected/);
    expect(text(result)).not.toMatch(/inside TuneBridge/);
    expect(bridge.audited.at(-1)?.summary).toContain(`no tracks ${TRACK_ID} in the document`);
  });

  it('Spotify answering with the wrong type: said to be Spotify, detail in the audit record', async () => {
    bridge = await scriptedBridge(() => ({ status: 200, body: { items: 'not a list' } }));
    const result = await bridge.call('spotify_get_recently_played', { limit: 5 });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^Spotify answered with something unexpected/);
    expect(bridge.audited.at(-1)?.summary).toMatch(/Detail: items: .*expected array/);
  });

  it('TIDAL paging with identifiers of the wrong type: said to be TIDAL', async () => {
    bridge = await scriptedBridge((_provider, request) => {
      if (request.path === '/v2/users/me') return { status: 200, body: me };
      if (request.path.endsWith('/relationships/items')) {
        return { status: 200, body: { data: [{ id: 7, type: 'tracks' }] } };
      }
      return {
        status: 200,
        body: { data: { id: PLAYLIST_ID, type: 'playlists', attributes: { name: 'P' } } },
      };
    });
    const result = await bridge.call('tidal_get_playlist', { playlist_id: PLAYLIST_ID });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^TIDAL answered with something unexpected/);
  });
});
