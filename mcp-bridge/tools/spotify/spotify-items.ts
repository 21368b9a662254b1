import * as z from 'zod';

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

export const SpotifyDeviceObject = z.object({
  id: z.string().nullable().optional(),
  name: z.string(),
  type: z.string(),
  is_active: z.boolean().optional(),
  volume_percent: z.number().nullable().optional(),
  supports_volume: z.boolean().optional(),
});
export const Device = z.object({
  id: z.string().optional(),
  name: z.string(),
  type: z.string(),
  isActive: z.boolean(),
  volumePercent: z.number().optional(),
  supportsVolume: z.boolean(),
});

export function toDevice(device: z.infer<typeof SpotifyDeviceObject>): z.infer<typeof Device> {
  return {
    id: device.id ?? undefined,
    name: device.name,
    type: device.type,
    isActive: device.is_active ?? false,
    volumePercent: device.volume_percent ?? undefined,
    supportsVolume: device.supports_volume ?? false,
  };
}

/** A playlist with the details a person edits, as `GET /playlists/{id}` and creation answer. */
export const SpotifyPlaylistDetailsObject = SpotifyPlaylistObject.extend({
  public: z.boolean().nullable().optional(),
  collaborative: z.boolean().optional(),
  snapshot_id: z.string().optional(),
});
export const PlaylistDetails = Playlist.extend({
  ownerId: z.string(),
  description: z.string().optional(),
  public: z.boolean().optional(),
  collaborative: z.boolean(),
  snapshotId: z.string().optional(),
});

export function toPlaylistDetails(
  playlist: z.infer<typeof SpotifyPlaylistDetailsObject>,
): z.infer<typeof PlaylistDetails> {
  return {
    ...toPlaylist(playlist),
    ownerId: playlist.owner.id,
    description: playlist.description || undefined,
    public: playlist.public ?? undefined,
    collaborative: playlist.collaborative ?? false,
    snapshotId: playlist.snapshot_id,
  };
}

export function playlistLine(index: number, playlist: z.infer<typeof Playlist>): string {
  const count = playlist.trackCount !== undefined ? ` · ${playlist.trackCount} tracks` : '';
  return `${index}. ${playlist.name} — by ${playlist.owner}${count} · ${playlist.uri}`;
}

export function albumLine(index: number, album: z.infer<typeof Album>): string {
  const year = album.releaseDate ? ` · ${album.releaseDate.slice(0, 4)}` : '';
  return `${index}. ${album.name} — ${album.artists.join(', ')}${year} · ${album.uri}`;
}

export function artistLine(index: number, artist: z.infer<typeof Artist>): string {
  const genres = artist.genres.length ? ` · ${artist.genres.slice(0, 3).join(', ')}` : '';
  return `${index}. ${artist.name}${genres} · ${artist.uri}`;
}

/** Playlist entries hold the track under `item` since February 2026 (`track` before). */
export const SpotifyPlaylistEntry = z.object({
  added_at: z.string().nullable().optional(),
  item: z.unknown().optional(),
  track: z.unknown().optional(),
});

/** The track in a playlist entry, or undefined for episodes and removed items. */
export function entryTrack(
  entry: z.infer<typeof SpotifyPlaylistEntry>,
): z.infer<typeof Track> | undefined {
  const parsed = SpotifyTrackObject.safeParse(entry.item ?? entry.track);
  return parsed.success ? toTrack(parsed.data) : undefined;
}
