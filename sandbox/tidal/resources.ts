import type { Playlist, PlaylistEntry } from '../accounts/index.js';
import type { Album, Artist, Catalog, Recording } from '../catalog/index.js';
import { tidalPlaylistId, type TidalIds } from './ids.js';

/** A JSON:API resource object as TIDAL sends it. */
export interface Resource {
  id: string;
  type: string;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, unknown>;
}

export interface Identifier {
  id: string;
  type: string;
  meta?: Record<string, unknown>;
}

/** A playlist TIDAL made for the person (a mix): read-only, never in the account store. */
export interface Mix {
  id: string;
  name: string;
  description: string;
  recordingKeys: string[];
}

/** What this TIDAL sandbox serves differently from the shared catalog (see `TidalControls`). */
export interface Availability {
  missing: Set<string>;
  isrcOverrides: Map<string, string>;
  /** Albums TIDAL lists under another barcode (another edition's UPC). */
  barcodeOverrides: Map<string, string>;
}

/** ISO 8601 durations, as TIDAL writes them: `PT4M31S`. */
export function isoDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds}S`;
}

const relationship = (self: string, data?: Identifier[]) => ({
  ...(data ? { data } : {}),
  links: { self },
});

/** Builds TIDAL resource objects from the shared catalog and the account store. */
export class Resources {
  /** Playlist item ids: stable per entry object, so reordering keeps them. */
  private readonly itemIds = new WeakMap<PlaylistEntry, string>();
  private itemCounter = 0;

  constructor(
    readonly catalog: Catalog,
    readonly ids: TidalIds,
    readonly availability: Availability,
  ) {}

  available(recordingKey: string): boolean {
    return !this.availability.missing.has(recordingKey);
  }

  isrc(recording: Recording): string {
    return this.availability.isrcOverrides.get(recording.key) ?? recording.isrc;
  }

  track(recording: Recording): Resource {
    const id = this.ids.id('track', recording.key);
    return {
      id,
      type: 'tracks',
      attributes: {
        title: recording.title,
        isrc: this.isrc(recording),
        duration: isoDuration(recording.durationMs),
        explicit: recording.explicit,
        key: recording.musicalKey,
        keyScale: recording.scale,
        bpm: recording.bpm,
        mediaTags: recording.hiRes ? ['LOSSLESS', 'HIRES_LOSSLESS'] : ['LOSSLESS'],
        popularity: recording.popularity / 100,
        accessType: 'PUBLIC',
        externalLinks: [sharing(`https://tidal.com/browse/track/${id}`)],
      },
      relationships: {
        albums: relationship(`/tracks/${id}/relationships/albums`, [
          { id: this.ids.id('album', recording.albumKey), type: 'albums' },
        ]),
        artists: relationship(
          `/tracks/${id}/relationships/artists`,
          recording.artistKeys.map((key) => ({ id: this.ids.id('artist', key), type: 'artists' })),
        ),
      },
    };
  }

  album(album: Album, withItems = false): Resource {
    const id = this.ids.id('album', album.key);
    const recordings = album.recordingKeys.map((key) => this.catalog.recording(key));
    const durationMs = recordings.reduce((sum, r) => sum + r.durationMs, 0);
    return {
      id,
      type: 'albums',
      attributes: {
        title: album.name,
        albumType: album.kind.toUpperCase(),
        barcodeId: this.availability.barcodeOverrides.get(album.key) ?? album.upc,
        duration: isoDuration(durationMs),
        explicit: recordings.some((r) => r.explicit),
        mediaTags: ['LOSSLESS'],
        numberOfItems: recordings.length,
        numberOfVolumes: 1,
        popularity: album.popularity / 100,
        releaseDate: album.releaseDate,
        accessType: 'PUBLIC',
        externalLinks: [sharing(`https://tidal.com/browse/album/${id}`)],
      },
      relationships: {
        artists: relationship(
          `/albums/${id}/relationships/artists`,
          album.artistKeys.map((key) => ({ id: this.ids.id('artist', key), type: 'artists' })),
        ),
        items: relationship(
          `/albums/${id}/relationships/items`,
          withItems ? this.albumItems(album) : undefined,
        ),
      },
    };
  }

  albumItems(album: Album): Identifier[] {
    return album.recordingKeys
      .filter((key) => this.available(key))
      .map((key) => {
        const recording = this.catalog.recording(key);
        return {
          id: this.ids.id('track', key),
          type: 'tracks',
          meta: { trackNumber: recording.trackNumber, volumeNumber: recording.discNumber },
        };
      });
  }

  artist(artist: Artist): Resource {
    const id = this.ids.id('artist', artist.key);
    return {
      id,
      type: 'artists',
      attributes: {
        name: artist.name,
        popularity: artist.popularity / 100,
        externalLinks: [sharing(`https://tidal.com/browse/artist/${id}`)],
      },
      relationships: {
        albums: relationship(`/artists/${id}/relationships/albums`),
        tracks: relationship(`/artists/${id}/relationships/tracks`),
      },
    };
  }

  playlist(playlist: Playlist, ownerId: string | undefined): Resource {
    const id = tidalPlaylistId(playlist.key);
    const entries = playlist.entries.filter((entry) => this.available(entry.recordingKey));
    return {
      id,
      type: 'playlists',
      attributes: {
        name: playlist.name,
        description: playlist.description,
        accessType: playlist.public ? 'PUBLIC' : 'UNLISTED',
        bounded: true,
        createdAt: playlist.createdAt,
        lastModifiedAt: playlist.updatedAt,
        duration: isoDuration(this.durationOf(entries.map((entry) => entry.recordingKey))),
        externalLinks: [sharing(`https://tidal.com/browse/playlist/${id}`)],
        numberOfFollowers: playlist.followers,
        numberOfItems: entries.length,
        playlistType: ownerId ? 'USER' : 'EDITORIAL',
      },
      relationships: {
        items: relationship(`/playlists/${id}/relationships/items`),
        owners: relationship(
          `/playlists/${id}/relationships/owners`,
          ownerId ? [{ id: ownerId, type: 'users' }] : [],
        ),
      },
    };
  }

  mix(mix: Mix): Resource {
    const keys = mix.recordingKeys.filter((key) => this.available(key));
    return {
      id: mix.id,
      type: 'playlists',
      attributes: {
        name: mix.name,
        description: mix.description,
        accessType: 'PUBLIC',
        bounded: true,
        createdAt: '2025-01-01T00:00:00Z',
        lastModifiedAt: '2025-01-01T00:00:00Z',
        duration: isoDuration(this.durationOf(keys)),
        externalLinks: [sharing(`https://tidal.com/browse/mix/${mix.id}`)],
        numberOfFollowers: 0,
        numberOfItems: keys.length,
        playlistType: 'MIX',
      },
      relationships: { items: relationship(`/playlists/${mix.id}/relationships/items`) },
    };
  }

  itemId(entry: PlaylistEntry): string {
    let id = this.itemIds.get(entry);
    if (!id) {
      this.itemCounter += 1;
      id = `it${String(this.itemCounter).padStart(8, '0')}`;
      this.itemIds.set(entry, id);
    }
    return id;
  }

  private durationOf(recordingKeys: readonly string[]): number {
    return recordingKeys.reduce((sum, key) => sum + this.catalog.recording(key).durationMs, 0);
  }
}

function sharing(href: string) {
  return { href, meta: { type: 'TIDAL_SHARING' } };
}
