/**
 * What one provider knows about the sandbox people: library, playlists, devices and playback.
 * Keys refer to catalog recordings; each provider turns them into its own ids and shapes.
 */

export type PersonKey = 'listener' | 'free' | 'idle';

export interface SandboxPerson {
  key: PersonKey;
  displayName: string;
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  product: 'premium' | 'free';
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** Owner of the catalog's editorial playlists; not someone who can sign in. */
export const CURATOR = 'curator';
export type OwnerKey = PersonKey | typeof CURATOR;

export interface LibraryEntry {
  recordingKey: string;
  addedAt: string;
}

export interface PlaylistEntry {
  recordingKey: string;
  addedAt: string;
  addedBy: OwnerKey;
}

export interface Playlist {
  key: string;
  ownerKey: OwnerKey;
  name: string;
  description: string;
  public: boolean;
  collaborative: boolean;
  entries: PlaylistEntry[];
  /** Bumped on every change; providers derive snapshot ids and ETags from it. */
  revision: number;
  followers: number;
  createdAt: string;
  updatedAt: string;
}

export interface Device {
  key: string;
  name: string;
  type: 'Computer' | 'Smartphone' | 'Speaker';
  volumePercent: number;
  supportsVolume: boolean;
}

export type ContextKind = 'album' | 'playlist' | 'artist';

export interface PlaybackContext {
  kind: ContextKind;
  key: string;
}

export interface Playback {
  /** The active device; none means nothing is playing anywhere (players answer 404). */
  deviceKey?: string;
  recordingKey?: string;
  /** What was started: an album, playlist or artist; absent when a list of tracks was. */
  context?: PlaybackContext;
  /** The recordings being played through, in play order (shuffled when shuffle was on). */
  list: string[];
  /** Where `recordingKey` sits in `list`, unless it came from the queue. */
  index: number;
  /** Recordings added with "add to queue"; they play before the list continues. */
  queue: string[];
  /** True while a queued recording plays, so the list resumes after it rather than skipping. */
  fromQueue: boolean;
  isPlaying: boolean;
  /** Position when `changedAt` was recorded; readers add the time since if playing. */
  progressMs: number;
  changedAt: number;
  shuffle: boolean;
  repeat: 'off' | 'track' | 'context';
}

export interface SavedAlbum {
  albumKey: string;
  addedAt: string;
}

export interface FollowedArtist {
  artistKey: string;
  addedAt: string;
}

export interface PlayedRecording {
  recordingKey: string;
  /** Unix milliseconds. */
  playedAt: number;
  context?: PlaybackContext;
}

export interface Account {
  person: SandboxPerson;
  savedTracks: LibraryEntry[];
  savedAlbums: SavedAlbum[];
  followedArtists: FollowedArtist[];
  /** Usernames of people followed. */
  followedUsers: string[];
  /** Playlists in the person's library, newest first: their own and ones they follow. */
  playlistKeys: string[];
  devices: Device[];
  playback: Playback;
  /** Newest first. */
  recentlyPlayed: PlayedRecording[];
}
