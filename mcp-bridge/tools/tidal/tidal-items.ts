import * as z from 'zod';
import { playlistName, trackFields } from '../../../playlist-files/tidal-read.js';
import { type Resource, type ResourceIndex } from './tidal-api.js';

export { durationMs } from '../../../playlist-files/tidal-read.js';

/** TIDAL resources as the tools return them, and the quotable lines that list them. */

export const TidalTrack = z.object({
  id: z.string(),
  title: z.string(),
  artists: z.array(z.string()),
  album: z.string().optional(),
  durationMs: z.number(),
  isrc: z.string().optional(),
  explicit: z.boolean().optional(),
  url: z.string(),
});
export type TidalTrack = z.infer<typeof TidalTrack>;

export const TidalAlbum = z.object({
  id: z.string(),
  title: z.string(),
  artists: z.array(z.string()),
  releaseDate: z.string().optional(),
  albumType: z.string().optional(),
  numberOfItems: z.number().optional(),
  url: z.string(),
});
export type TidalAlbum = z.infer<typeof TidalAlbum>;

export const TidalArtist = z.object({ id: z.string(), name: z.string(), url: z.string() });
export type TidalArtist = z.infer<typeof TidalArtist>;

export const TidalPlaylist = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  numberOfItems: z.number().optional(),
  playlistType: z.string().optional(),
  accessType: z.string().optional(),
  url: z.string(),
});
export type TidalPlaylist = z.infer<typeof TidalPlaylist>;

/** The result lists a TIDAL listing may hold, each present only when it was asked for. */
export const TidalLists = {
  tracks: z.array(TidalTrack).optional(),
  albums: z.array(TidalAlbum).optional(),
  artists: z.array(TidalArtist).optional(),
  playlists: z.array(TidalPlaylist).optional(),
};

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

export function tidalUrl(
  kind: 'track' | 'album' | 'artist' | 'playlist' | 'mix',
  id: string,
): string {
  return `https://tidal.com/browse/${kind}/${id}`;
}

export function toTrack(resource: Resource, index: ResourceIndex): TidalTrack {
  const explicit = resource.attributes?.explicit;
  return {
    id: resource.id,
    ...trackFields(resource, index),
    ...(typeof explicit === 'boolean' ? { explicit } : {}),
    url: tidalUrl('track', resource.id),
  };
}

export function toAlbum(resource: Resource, index: ResourceIndex): TidalAlbum {
  const a = resource.attributes ?? {};
  return {
    id: resource.id,
    title: str(a.title) ?? '(untitled)',
    artists: index
      .related(resource, 'artists')
      .map((artist) => str(artist.attributes?.name) ?? artist.id),
    ...(str(a.releaseDate) ? { releaseDate: str(a.releaseDate) } : {}),
    ...(str(a.albumType) ? { albumType: str(a.albumType) } : {}),
    ...(num(a.numberOfItems) !== undefined ? { numberOfItems: num(a.numberOfItems) } : {}),
    url: tidalUrl('album', resource.id),
  };
}

export function toArtist(resource: Resource): TidalArtist {
  return {
    id: resource.id,
    name: str(resource.attributes?.name) ?? resource.id,
    url: tidalUrl('artist', resource.id),
  };
}

export function toPlaylist(resource: Resource): TidalPlaylist {
  const a = resource.attributes ?? {};
  const type = str(a.playlistType);
  return {
    id: resource.id,
    name: playlistName(resource),
    ...(str(a.description) ? { description: str(a.description) } : {}),
    ...(num(a.numberOfItems) !== undefined ? { numberOfItems: num(a.numberOfItems) } : {}),
    ...(type ? { playlistType: type } : {}),
    ...(str(a.accessType) ? { accessType: str(a.accessType) } : {}),
    url: tidalUrl(type === 'MIX' ? 'mix' : 'playlist', resource.id),
  };
}

export function minutes(ms: number): string {
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

export function trackLine(n: number, track: TidalTrack): string {
  const album = track.album ? ` · ${track.album}` : '';
  return `${n}. ${track.title} — ${track.artists.join(', ')}${album} · ${minutes(track.durationMs)} · tidal track ${track.id}`;
}

export function albumLine(n: number, album: TidalAlbum): string {
  const year = album.releaseDate ? ` · ${album.releaseDate.slice(0, 4)}` : '';
  return `${n}. ${album.title} — ${album.artists.join(', ')}${year} · tidal album ${album.id}`;
}

export function artistLine(n: number, artist: TidalArtist): string {
  return `${n}. ${artist.name} · tidal artist ${artist.id}`;
}

export function playlistLine(n: number, playlist: TidalPlaylist): string {
  const count = playlist.numberOfItems !== undefined ? ` · ${playlist.numberOfItems} tracks` : '';
  return `${n}. ${playlist.name}${count} · tidal playlist ${playlist.id}`;
}

/** Input schemas for TIDAL ids: numbers for catalog items, UUIDs or mix ids for playlists. */
export const CatalogId = z
  .string()
  .trim()
  .transform((value) => /(\d{1,12})\/?$/.exec(value)?.[1] ?? value)
  .pipe(z.string().regex(/^\d{1,12}$/, 'a TIDAL id is a number, e.g. 75413016'));

export const PlaylistId = z
  .string()
  .trim()
  .transform((value) => /([0-9a-f-]{20,40})\/?$/i.exec(value)?.[1] ?? value)
  .pipe(z.string().regex(/^[0-9a-fA-F-]{20,40}$/, 'a TIDAL playlist id is a UUID'));
