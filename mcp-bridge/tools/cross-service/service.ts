import type { ProviderId } from '../../../protocol/providers.js';
import type { AlbumRef, ArtistRef, TrackRef } from './matching.js';

/** What copying and matching need from a service, so both directions share one algorithm. */
export interface MusicService {
  id: ProviderId;
  /** The playlist's name and tracks, in order (bounded; `truncated` says when cut short). */
  readPlaylist(
    playlistId: string,
  ): Promise<{ name: string; tracks: TrackRef[]; truncated: boolean }>;
  /** The person's own playlist with exactly this name, if any. */
  findOwnPlaylist(name: string): Promise<string | undefined>;
  createPlaylist(name: string, description: string): Promise<string>;
  addTracks(playlistId: string, trackIds: readonly string[]): Promise<void>;
  /** Target track ids by ISRC, for those found. */
  byIsrc(isrcs: readonly string[]): Promise<Map<string, string>>;
  /** Candidates for a title-and-artist search. */
  search(text: string): Promise<TrackRef[]>;
  /** One track, for find_on_other_service. */
  track(id: string): Promise<TrackRef>;
  album(id: string): Promise<AlbumRef>;
  /** Albums that may be `album`: barcode hits first where the service can look them up. */
  albumCandidates(album: AlbumRef): Promise<AlbumRef[]>;
  artist(id: string): Promise<ArtistRef>;
  /** ISRCs of the artist's most popular tracks (at most about 20). */
  topTrackIsrcs(artistId: string): Promise<string[]>;
  /** Artists a name search finds, best first. */
  artistCandidates(name: string): Promise<ArtistRef[]>;
  url(kind: 'track' | 'album' | 'artist' | 'playlist', id: string): string;
}
