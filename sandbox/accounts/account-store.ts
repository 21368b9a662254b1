import type { Catalog } from '../catalog/index.js';
import { seededRandom, type Random } from '../seeded-random.js';
import { SANDBOX_PEOPLE } from './people.js';
import {
  CURATOR,
  type Account,
  type Device,
  type OwnerKey,
  type PersonKey,
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
    private readonly now: () => number = Date.now,
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
      playlistKeys: [...own.map((playlist) => playlist.key), ...followed],
      devices,
      playback: {
        isPlaying: false,
        progressMs: 0,
        changedAt: SEED_EPOCH,
        shuffle: false,
        repeat: 'off',
      },
    };
  }
}

function seedDate(dayOffset: number): string {
  return new Date(SEED_EPOCH + dayOffset * DAY_MS).toISOString().replace('.000Z', 'Z');
}
