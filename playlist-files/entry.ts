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

/** Beyond this many items a playlist is read only in part (Spotify's own cap is 10,000). */
export const MAX_ENTRIES = 12_000;
