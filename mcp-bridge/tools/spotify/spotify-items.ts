import { z } from 'zod';

/** The parts of Spotify's objects the tools read; anything else in an answer is ignored. */
const SpotifyArtistRef = z.object({ id: z.string().nullable().optional(), name: z.string() });
const SpotifyImage = z.object({ url: z.string() });

export const SpotifyTrackObject = z.object({
  id: z.string(),
  uri: z.string(),
  name: z.string(),
  duration_ms: z.number(),
  explicit: z.boolean().optional(),
  artists: z.array(SpotifyArtistRef),
  album: z.object({ id: z.string().optional(), name: z.string() }).optional(),
  external_ids: z.object({ isrc: z.string().optional() }).optional(),
});
export const SpotifyAlbumObject = z.object({
  id: z.string(),
  uri: z.string(),
  name: z.string(),
  artists: z.array(SpotifyArtistRef),
  release_date: z.string().optional(),
  total_tracks: z.number().optional(),
});
export const SpotifyArtistObject = z.object({
  id: z.string(),
  uri: z.string(),
  name: z.string(),
  genres: z.array(z.string()).optional(),
  images: z.array(SpotifyImage).optional(),
});
export const SpotifyPlaylistObject = z.object({
  id: z.string(),
  uri: z.string(),
  name: z.string(),
  owner: z.object({ id: z.string(), display_name: z.string().nullable().optional() }),
  description: z.string().nullable().optional(),
  items: z.object({ total: z.number() }).optional(),
  tracks: z.object({ total: z.number() }).nullable().optional(),
});

// Tool output shapes: flat, camelCase, and small enough to quote.
export const Track = z.object({
  id: z.string(),
  uri: z.string(),
  name: z.string(),
  artists: z.array(z.string()),
  album: z.string().optional(),
  durationMs: z.number(),
  explicit: z.boolean().optional(),
  isrc: z.string().optional(),
});
export const Album = z.object({
  id: z.string(),
  uri: z.string(),
  name: z.string(),
  artists: z.array(z.string()),
  releaseDate: z.string().optional(),
  totalTracks: z.number().optional(),
});
export const Artist = z.object({
  id: z.string(),
  uri: z.string(),
  name: z.string(),
  genres: z.array(z.string()),
});
export const Playlist = z.object({
  id: z.string(),
  uri: z.string(),
  name: z.string(),
  owner: z.string(),
  trackCount: z.number().optional(),
});

export function toTrack(track: z.infer<typeof SpotifyTrackObject>): z.infer<typeof Track> {
  return {
    id: track.id,
    uri: track.uri,
    name: track.name,
    artists: track.artists.map((artist) => artist.name),
    album: track.album?.name,
    durationMs: track.duration_ms,
    explicit: track.explicit,
    isrc: track.external_ids?.isrc,
  };
}

export function toAlbum(album: z.infer<typeof SpotifyAlbumObject>): z.infer<typeof Album> {
  return {
    id: album.id,
    uri: album.uri,
    name: album.name,
    artists: album.artists.map((artist) => artist.name),
    releaseDate: album.release_date,
    totalTracks: album.total_tracks,
  };
}

export function toArtist(artist: z.infer<typeof SpotifyArtistObject>): z.infer<typeof Artist> {
  return { id: artist.id, uri: artist.uri, name: artist.name, genres: artist.genres ?? [] };
}

export function toPlaylist(
  playlist: z.infer<typeof SpotifyPlaylistObject>,
): z.infer<typeof Playlist> {
  return {
    id: playlist.id,
    uri: playlist.uri,
    name: playlist.name,
    owner: playlist.owner.display_name ?? playlist.owner.id,
    trackCount: playlist.items?.total ?? playlist.tracks?.total,
  };
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "title — artists · album · duration · URI": one line an assistant can quote. */
export function trackLine(index: number, track: z.infer<typeof Track>): string {
  const parts = [`${track.name} — ${track.artists.join(', ')}`];
  if (track.album) parts.push(track.album);
  parts.push(formatDuration(track.durationMs), track.uri);
  return `${index}. ${parts.join(' · ')}`;
}
