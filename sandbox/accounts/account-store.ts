import type { Catalog } from '../catalog/index.js';
import { seededRandom, type Random } from '../seeded-random.js';
import { SANDBOX_PEOPLE } from './people.js';
import {
  CURATOR,
  type Account,
  type Device,
  type OwnerKey,
  type PersonKey,
  type Playback,
  type Playlist,
  type SandboxPerson,
} from './types.js';

const SEED_EPOCH = Date.UTC(2025, 0, 1, 12);
const DAY_MS = 86_400_000;

export interface NewPlaylist {
  name: string;
  description?: string;
  public?: boolean;
  collaborative?: boolean;
}

export type PlaylistDetails = Partial<NewPlaylist>;

/** Something a person can keep in their library; `key` is a catalog key, or a username. */
export interface LibraryItem {
  kind: 'track' | 'album' | 'artist' | 'user' | 'playlist';
  key: string;
}

/**
 * One provider's view of the sandbox people, seeded the same way every time. Each provider
 * sandbox has its own store: a playlist made on Spotify does not appear on TIDAL.
 */
export class AccountStore {
  readonly playlists = new Map<string, Playlist>();
  private readonly accounts = new Map<PersonKey, Account>();
  private playlistCounter = 0;

  constructor(
    readonly catalog: Catalog,
    readonly now: () => number = Date.now,
  ) {
    for (const curated of catalog.playlists) {
      this.playlists.set(curated.key, {
        key: curated.key,
        ownerKey: CURATOR,
        name: curated.name,
        description: curated.description,
        public: true,
        collaborative: false,
        entries: curated.recordingKeys.map((recordingKey, index) => ({
          recordingKey,
          addedAt: seedDate(index),
          addedBy: CURATOR,
        })),
        revision: 1,
        followers: curated.followers,
        createdAt: curated.createdAt,
        updatedAt: curated.createdAt,
      });
    }
    const random = seededRandom(7);
    for (const person of SANDBOX_PEOPLE)
      this.accounts.set(person.key, this.seedAccount(person, random));
    // Separate streams, so adding a person or a field does not reshuffle what others have.
    SANDBOX_PEOPLE.forEach((person, index) => {
      this.seedListening(this.account(person.key), seededRandom(100 + index));
    });
  }

  people(): readonly SandboxPerson[] {
    return SANDBOX_PEOPLE;
  }

  account(key: PersonKey): Account {
    const account = this.accounts.get(key);
    if (!account) throw new Error(`No sandbox person ${key}`);
    return account;
  }

  playlist(key: string): Playlist | undefined {
    return this.playlists.get(key);
  }

  createPlaylist(owner: PersonKey, init: NewPlaylist): Playlist {
    const at = new Date(this.now()).toISOString();
    this.playlistCounter += 1;
    const playlist: Playlist = {
      key: `up${String(this.playlistCounter).padStart(3, '0')}`,
      ownerKey: owner,
      name: init.name,
      description: init.description ?? '',
      public: init.public ?? true,
      collaborative: init.collaborative ?? false,
      entries: [],
      revision: 1,
      followers: 0,
      createdAt: at,
      updatedAt: at,
    };
    this.playlists.set(playlist.key, playlist);
    this.account(owner).playlistKeys.unshift(playlist.key);
    return playlist;
  }

  /** Inserts at `position` (default: the end) and returns the playlist's new revision. */
  addToPlaylist(
    key: string,
    by: OwnerKey,
    recordingKeys: readonly string[],
    position?: number,
  ): number {
    const playlist = this.playlists.get(key);
    if (!playlist) throw new Error(`No playlist ${key}`);
    const addedAt = new Date(this.now()).toISOString();
    const entries = recordingKeys.map((recordingKey) => ({ recordingKey, addedAt, addedBy: by }));
    playlist.entries.splice(position ?? playlist.entries.length, 0, ...entries);
    playlist.revision += 1;
    playlist.updatedAt = addedAt;
    return playlist.revision;
  }

  /** Removes every occurrence of each recording; returns the new revision. */
  removeFromPlaylist(key: string, recordingKeys: readonly string[]): number {
    const playlist = this.mustPlaylist(key);
    const gone = new Set(recordingKeys);
    playlist.entries = playlist.entries.filter((entry) => !gone.has(entry.recordingKey));
    return this.touch(playlist);
  }

  /** Moves `length` entries from `start` to before `insertBefore` (positions before the move). */
  reorderPlaylist(key: string, start: number, length: number, insertBefore: number): number {
    const playlist = this.mustPlaylist(key);
    const moved = playlist.entries.splice(start, length);
    const target = insertBefore > start ? insertBefore - moved.length : insertBefore;
    playlist.entries.splice(target, 0, ...moved);
    return this.touch(playlist);
  }

  replacePlaylistItems(key: string, by: OwnerKey, recordingKeys: readonly string[]): number {
    const playlist = this.mustPlaylist(key);
    const addedAt = new Date(this.now()).toISOString();
    playlist.entries = recordingKeys.map((recordingKey) => ({
      recordingKey,
      addedAt,
      addedBy: by,
    }));
    return this.touch(playlist);
  }

  updatePlaylist(key: string, details: PlaylistDetails): number {
    const playlist = this.mustPlaylist(key);
    if (details.name !== undefined) playlist.name = details.name;
    if (details.description !== undefined) playlist.description = details.description;
    if (details.public !== undefined) playlist.public = details.public;
    if (details.collaborative !== undefined) playlist.collaborative = details.collaborative;
    return this.touch(playlist);
  }

  /** Adds to the person's library (newest first); already saved items stay where they are. */
  save(person: PersonKey, item: LibraryItem): void {
    const account = this.account(person);
    const addedAt = new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    switch (item.kind) {
      case 'track':
        if (!account.savedTracks.some((entry) => entry.recordingKey === item.key))
          account.savedTracks.unshift({ recordingKey: item.key, addedAt });
        return;
      case 'album':
        if (!account.savedAlbums.some((entry) => entry.albumKey === item.key))
          account.savedAlbums.unshift({ albumKey: item.key, addedAt });
        return;
      case 'artist':
        if (!account.followedArtists.some((entry) => entry.artistKey === item.key))
          account.followedArtists.unshift({ artistKey: item.key, addedAt });
        return;
      case 'user':
        if (!account.followedUsers.includes(item.key)) account.followedUsers.unshift(item.key);
        return;
      case 'playlist':
        if (!account.playlistKeys.includes(item.key)) account.playlistKeys.unshift(item.key);
        return;
    }
  }

  /** Removes from the person's library; a person's own playlists stay, as on Spotify. */
  unsave(person: PersonKey, item: LibraryItem): void {
    const account = this.account(person);
    switch (item.kind) {
      case 'track':
        account.savedTracks = account.savedTracks.filter((e) => e.recordingKey !== item.key);
        return;
      case 'album':
        account.savedAlbums = account.savedAlbums.filter((e) => e.albumKey !== item.key);
        return;
      case 'artist':
        account.followedArtists = account.followedArtists.filter((e) => e.artistKey !== item.key);
        return;
      case 'user':
        account.followedUsers = account.followedUsers.filter((username) => username !== item.key);
        return;
      case 'playlist':
        if (this.playlists.get(item.key)?.ownerKey === person) return;
        account.playlistKeys = account.playlistKeys.filter((key) => key !== item.key);
        return;
    }
  }

  /** Whether the item is in the person's library. */
  has(person: PersonKey, item: LibraryItem): boolean {
    const account = this.account(person);
    switch (item.kind) {
      case 'track':
        return account.savedTracks.some((entry) => entry.recordingKey === item.key);
      case 'album':
        return account.savedAlbums.some((entry) => entry.albumKey === item.key);
      case 'artist':
        return account.followedArtists.some((entry) => entry.artistKey === item.key);
      case 'user':
        return account.followedUsers.includes(item.key);
      case 'playlist':
        return account.playlistKeys.includes(item.key);
    }
  }

  private mustPlaylist(key: string): Playlist {
    const playlist = this.playlists.get(key);
    if (!playlist) throw new Error(`No playlist ${key}`);
    return playlist;
  }

  private touch(playlist: Playlist): number {
    playlist.revision += 1;
    playlist.updatedAt = new Date(this.now()).toISOString();
    return playlist.revision;
  }

  private seedAccount(person: SandboxPerson, random: Random): Account {
    const premium = person.product === 'premium';
    const recordings = this.catalog.recordings;
    const sample = (count: number) => {
      const keys = new Set<string>();
      while (keys.size < count) {
        const recording = recordings[Math.floor(random() * recordings.length)];
        if (recording) keys.add(recording.key);
      }
      return [...keys];
    };

    const own: Playlist[] = (
      premium
        ? ([
            ['Sandbox Favourites', 'Songs the sandbox keeps coming back to.', true, 12],
            ['Workout Mix', '', false, 8],
          ] as const)
        : ([['My First Playlist', '', true, 3]] as const)
    ).map(([name, description, isPublic, size], index) => ({
      key: `${person.key}-pl${index + 1}`,
      ownerKey: person.key,
      name,
      description,
      public: isPublic,
      collaborative: false,
      entries: sample(size).map((recordingKey, position) => ({
        recordingKey,
        addedAt: seedDate(position),
        addedBy: person.key,
      })),
      revision: 1,
      followers: 0,
      createdAt: seedDate(0),
      updatedAt: seedDate(size),
    }));
    for (const playlist of own) this.playlists.set(playlist.key, playlist);
    const followed = this.catalog.playlists.slice(0, premium ? 3 : 1).map((curated) => curated.key);

    const devices: Device[] = premium
      ? [
          {
            key: 'laptop',
            name: 'Sandbox Laptop',
            type: 'Computer',
            volumePercent: 60,
            supportsVolume: true,
          },
          {
            key: 'speaker',
            name: 'Kitchen Speaker',
            type: 'Speaker',
            volumePercent: 35,
            supportsVolume: true,
          },
          {
            key: 'phone',
            name: 'Pocket Phone',
            type: 'Smartphone',
            volumePercent: 80,
            supportsVolume: false,
          },
        ]
      : [
          {
            key: 'phone',
            name: 'Free Phone',
            type: 'Smartphone',
            volumePercent: 70,
            supportsVolume: false,
          },
        ];

    return {
      person,
      savedTracks: sample(premium ? 25 : 6).map((recordingKey, index) => ({
        recordingKey,
        addedAt: seedDate(100 - index),
      })),
      savedAlbums: [],
      followedArtists: [],
      followedUsers: [],
      playlistKeys: [...own.map((playlist) => playlist.key), ...followed],
      devices,
      playback: idlePlayback(),
      recentlyPlayed: [],
    };
  }

  /**
   * Saved albums, followed artists and listening history. The listener's laptop is the active
   * device with their first playlist loaded and paused; the idle listener has devices but none
   * active, so player commands find nowhere to play.
   */
  private seedListening(account: Account, random: Random): void {
    const { catalog } = this;
    const premium = account.person.product === 'premium';
    const distinct = <T>(items: readonly T[], count: number): T[] => {
      const chosen = new Set<T>();
      while (chosen.size < Math.min(count, items.length)) {
        const item = items[Math.floor(random() * items.length)];
        if (item !== undefined) chosen.add(item);
      }
      return [...chosen];
    };
    account.savedAlbums = distinct(catalog.albums, premium ? 6 : 2).map((album, index) => ({
      albumKey: album.key,
      addedAt: seedDate(90 - index),
    }));
    account.followedArtists = distinct(catalog.artists, premium ? 8 : 2).map((artist, index) => ({
      artistKey: artist.key,
      addedAt: seedDate(80 - index),
    }));
    const history = distinct(catalog.recordings, premium ? 8 : 3);
    account.recentlyPlayed = history.map((recording, index) => ({
      recordingKey: recording.key,
      playedAt: SEED_EPOCH + 120 * DAY_MS - index * 4 * 60_000,
    }));
    if (account.person.key !== 'listener') return;
    const first = this.playlists.get(account.playlistKeys[0] ?? '');
    if (!first) return;
    account.playback = {
      ...idlePlayback(),
      deviceKey: account.devices[0]?.key,
      context: { kind: 'playlist', key: first.key },
      list: first.entries.map((entry) => entry.recordingKey),
      recordingKey: first.entries[0]?.recordingKey,
      progressMs: 30_000,
    };
  }
}

function idlePlayback(): Playback {
  return {
    list: [],
    index: 0,
    queue: [],
    fromQueue: false,
    isPlaying: false,
    progressMs: 0,
    changedAt: SEED_EPOCH,
    shuffle: false,
    repeat: 'off',
  };
}

function seedDate(dayOffset: number): string {
  return new Date(SEED_EPOCH + dayOffset * DAY_MS).toISOString().replace('.000Z', 'Z');
}
