import type { ProviderId } from '../../../protocol/providers.js';
import type { Entry } from '../../../playlist-files/entry.js';

export { MAX_ENTRIES } from '../../../playlist-files/entry.js';
export type { Entry };

export interface PlaylistContents {
  id: string;
  name: string;
  entries: Entry[];
  /** True when the playlist was longer than TuneBridge reads (MAX_ENTRIES). */
  truncated: boolean;
  /** Items that are not tracks (episodes, videos, unavailable items): kept, never rewritten. */
  otherItems: number;
}

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
