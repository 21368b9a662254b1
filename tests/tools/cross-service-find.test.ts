import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bestAlbum,
  bestArtist,
  sameBarcode,
} from '../../mcp-bridge/tools/cross-service/matching.js';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { spotifyId } from '../../sandbox/spotify/ids.js';
import { startTidalSession, type TidalSession } from './tidal-session.js';

interface Found {
  source: { title: string };
  match?: { id: string; title: string; matchedBy: string; url: string; sharedTopTracks?: number };
}

const catalog = sandboxCatalog();
const [byUpc, byTitle] = [catalog.albums[0], catalog.albums[1]];
const artist = catalog.artists[3];

describe('find_on_other_service for albums and artists, through the bridge', () => {
  let s: TidalSession;

  beforeAll(async () => {
    s = await startTidalSession();
    // TIDAL lists this album under another edition's barcode: only its title can match.
    s.tidal.setBarcodeOverrides({ [byTitle?.key ?? '']: '0000000000017' });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  const find = (from: 'spotify' | 'tidal', kind: string, id: string) =>
    s.call<Found>('find_on_other_service', { from, kind, id });

  it('matches an album by UPC, both ways', async () => {
    const key = byUpc?.key ?? '';
    const toTidal = await find('spotify', 'album', spotifyId('album', key));
    expect(toTidal.isError, toTidal.text).toBe(false);
    expect(toTidal.structured.match).toMatchObject({
      id: s.tidal.albumId(key),
      title: byUpc?.name,
      matchedBy: 'upc',
      url: `https://tidal.com/browse/album/${s.tidal.albumId(key)}`,
    });
    expect(toTidal.text).toMatch(/matched by UPC barcode/);
    const toSpotify = await find('tidal', 'album', s.tidal.albumId(key));
    expect(toSpotify.isError, toSpotify.text).toBe(false);
    expect(toSpotify.structured.match).toMatchObject({
      id: spotifyId('album', key),
      matchedBy: 'upc',
    });
  });

  it('falls back to title, artist and track count when the barcodes differ, both ways', async () => {
    const key = byTitle?.key ?? '';
    const toTidal = await find('spotify', 'album', spotifyId('album', key));
    expect(toTidal.isError, toTidal.text).toBe(false);
    expect(toTidal.structured.match).toMatchObject({
      id: s.tidal.albumId(key),
      matchedBy: 'title',
    });
    const toSpotify = await find('tidal', 'album', s.tidal.albumId(key));
    expect(toSpotify.isError, toSpotify.text).toBe(false);
    expect(toSpotify.structured.match).toMatchObject({
      id: spotifyId('album', key),
      matchedBy: 'title',
    });
  });

  it('matches an artist by name, confirmed by shared top tracks, both ways', async () => {
    const key = artist?.key ?? '';
    const toTidal = await find('spotify', 'artist', spotifyId('artist', key));
    expect(toTidal.isError, toTidal.text).toBe(false);
    expect(toTidal.structured.match).toMatchObject({
      id: s.tidal.artistId(key),
      title: artist?.name,
      matchedBy: 'top-tracks',
    });
    expect(toTidal.structured.match?.sharedTopTracks).toBeGreaterThan(0);
    const toSpotify = await find('tidal', 'artist', s.tidal.artistId(key));
    expect(toSpotify.isError, toSpotify.text).toBe(false);
    expect(toSpotify.structured.match).toMatchObject({
      id: spotifyId('artist', key),
      matchedBy: 'top-tracks',
    });
  });

  it('says what to do when the source does not exist', async () => {
    const missing = await find('tidal', 'album', '99999999');
    expect(missing.isError).toBe(true);
    expect(missing.text).toMatch(/TIDAL could not find/);
    const bad = await find('spotify', 'artist', 'not/an/id');
    expect(bad.isError).toBe(true);
  });

  it('sent only requests the vendored specs describe', () => {
    expect(s.specProblems()).toEqual([]);
  });
});

describe('album and artist matching rules', () => {
  const album = { id: 's1', title: 'Blue Hour (Remastered 2011)', artists: ['Oxbow'] };

  it('prefers a barcode, UPC-A or EAN-13, then title + artist + track count', () => {
    expect(sameBarcode('012345678905', '0012345678905')).toBe(true);
    expect(sameBarcode(undefined, undefined)).toBe(false);
    const candidates = [
      { id: 't1', title: 'Blue Hour', artists: ['Oxbow'], trackCount: 9 },
      { id: 't2', title: 'Blue Hour', artists: ['Oxbow'], trackCount: 10 },
      { id: 't3', title: 'Something else', artists: ['Oxbow'], upc: '12345678905' },
    ];
    expect(bestAlbum({ ...album, upc: '012345678905' }, candidates)).toMatchObject({
      album: { id: 't3' },
      matchedBy: 'upc',
    });
    expect(bestAlbum({ ...album, trackCount: 10 }, candidates)).toMatchObject({
      album: { id: 't2' },
      matchedBy: 'title',
    });
    expect(bestAlbum({ ...album, artists: ['Someone'] }, candidates)).toBeUndefined();
  });

  it('picks the namesake whose top tracks share ISRCs', () => {
    const source = { id: 'a', name: 'Beyoncé' };
    const namesakes = [
      { id: 'x', name: 'Beyonce', isrcs: ['AA1'] },
      { id: 'y', name: 'beyoncé', isrcs: ['AA1', 'BB2', 'CC3'] },
      { id: 'z', name: 'Beyoncé Tribute Band', isrcs: ['AA1', 'BB2', 'CC3'] },
    ];
    expect(bestArtist(source, new Set(['BB2', 'CC3', 'AA1']), namesakes)).toMatchObject({
      artist: { id: 'y' },
      matchedBy: 'top-tracks',
      sharedTracks: 3,
    });
    expect(bestArtist(source, new Set(), namesakes)).toMatchObject({
      artist: { id: 'x' },
      matchedBy: 'name',
    });
    expect(bestArtist({ id: 'b', name: 'Nobody' }, new Set(), namesakes)).toBeUndefined();
  });
});
