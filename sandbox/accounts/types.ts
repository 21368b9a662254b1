/**
 * What one provider knows about the sandbox people: library, playlists, devices and playback.
 * Keys refer to catalog recordings; each provider turns them into its own ids and shapes.
 */

export type PersonKey = 'listener' | 'free';

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

export interface Playback {
  deviceKey?: string;
  recordingKey?: string;
  context?: { kind: 'album' | 'playlist'; key: string };
  isPlaying: boolean;
  /** Position when `changedAt` was recorded; readers add the time since if playing. */
  progressMs: number;
  changedAt: number;
  shuffle: boolean;
  repeat: 'off' | 'track' | 'context';
}

export interface Account {
  person: SandboxPerson;
  savedTracks: LibraryEntry[];
  /** Playlists in the person's library, newest first: their own and ones they follow. */
  playlistKeys: string[];
  devices: Device[];
  playback: Playback;
}
