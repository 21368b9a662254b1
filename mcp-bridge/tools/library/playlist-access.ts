import type { ProviderId } from '../../../protocol/providers.js';

/** One item of a playlist, with what hygiene, sorting and export need to know about it. */
export interface Entry {
  /** The track's id on its service. */
  trackId: string;
  /** Zero-based place in the playlist. */
  position: number;
  /** TIDAL's id for this occurrence (removal is per occurrence there). */
  itemId?: string;
  addedAt?: string;
  title: string;
  artists: string[];
  album?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, as the service gives it. */
  releaseDate?: string;
  durationMs: number;
  isrc?: string;
}

export interface PlaylistContents {
  id: string;
  name: string;
  entries: Entry[];
  /** True when the playlist was longer than TuneBridge reads (MAX_ENTRIES). */
  truncated: boolean;
  /** Items that are not tracks (episodes, videos, unavailable items): kept, never rewritten. */
  otherItems: number;
}

/** Beyond this many items a playlist is read only in part (Spotify's own cap is 10,000). */
export const MAX_ENTRIES = 12_000;

/**
 * Playlist reads and writes on one service, in the fewest requests each API allows (full pages,
 * full write batches), so hygiene, export, import and sync share one algorithm for both.
 */
export interface PlaylistAccess {
  service: ProviderId;
  read(playlistId: string): Promise<PlaylistContents>;
  /** Removes exactly these occurrences, keeping every other item where it is. */
  removeEntries(playlist: PlaylistContents, remove: readonly Entry[]): Promise<void>;
  /** Makes the playlist hold exactly `trackIds`, in this order. */
  replaceAll(playlist: PlaylistContents, trackIds: readonly string[]): Promise<void>;
  append(playlistId: string, trackIds: readonly string[]): Promise<void>;
  create(name: string, description: string): Promise<string>;
  url(playlistId: string): string;
}
