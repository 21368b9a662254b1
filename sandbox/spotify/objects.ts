import {
  CURATOR,
  type AccountStore,
  type OwnerKey,
  type Playlist,
  type PlaylistEntry,
} from '../accounts/index.js';
import type { Grant } from '../oauth/token-store.js';
import type { Album, Artist, Recording } from '../catalog/index.js';
import { SpotifyIdIndex, type SpotifyKind } from './ids.js';

/** Where the sandbox says content is available: a few markets, as the real lists are long. */
export const MARKETS = ['CA', 'DE', 'GB', 'NO', 'SE', 'US'];
/** Spotify embeds this many playlist items in a full playlist object. */
const EMBEDDED_ITEMS = 100;
/** And this many tracks in a full album object. */
const EMBEDDED_TRACKS = 50;

type Json = Record<string, unknown>;

/**
 * Catalog and account records in the shapes of the Spotify Web API (see
 * specs/spotify-web-api.subset.json): ids, URIs, hrefs that point back at the sandbox.
 */
export class SpotifyObjects {
  readonly ids = new SpotifyIdIndex();

  constructor(
    readonly store: AccountStore,
    private readonly apiBaseUrl: string,
  ) {
    const { catalog } = store;
    for (const recording of catalog.recordings) this.ids.add('track', recording.key);
    for (const album of catalog.albums) this.ids.add('album', album.key);
    for (const artist of catalog.artists) this.ids.add('artist', artist.key);
    for (const playlist of store.playlists.values()) this.ids.add('playlist', playlist.key);
  }

  user(grant: Grant): Json {
    const { person } = this.store.account(grant.person);
    const id = person.username;
    const user: Json = {
      ...this.userRef(id),
      display_name: person.displayName,
      images: [],
      followers: { href: null, total: 0 },
    };
    // The profile's private fields are only for tokens that asked for them.
    if (grant.scopes.includes('user-read-private')) {
      user.country = person.country;
      user.product = person.product;
      user.explicit_content = { filter_enabled: false, filter_locked: false };
    }
    if (grant.scopes.includes('user-read-email')) user.email = person.email;
    return user;
  }

  track(recording: Recording, market: string | undefined): Json {
    return {
      album: this.simplifiedAlbum(this.store.catalog.album(recording.albumKey)),
      ...this.simplifiedTrack(recording, market),
      external_ids: { isrc: recording.isrc },
      popularity: recording.popularity,
    };
  }

  trackByKey(recordingKey: string, market: string | undefined): Json {
    return this.track(this.store.catalog.recording(recordingKey), market);
  }

  simplifiedTrack(recording: Recording, market: string | undefined): Json {
    const id = this.ids.add('track', recording.key);
    return {
      artists: recording.artistKeys.map((key) =>
        this.simplifiedArtist(this.store.catalog.artist(key)),
      ),
      // Spotify answers a request with a market by saying whether the track plays there instead.
      ...(market ? { is_playable: true } : { available_markets: MARKETS }),
      disc_number: recording.discNumber,
      duration_ms: recording.durationMs,
      explicit: recording.explicit,
      ...this.ref('track', id),
      name: recording.title,
      preview_url: null,
      track_number: recording.trackNumber,
      is_local: false,
    };
  }

  simplifiedAlbum(album: Album): Json {
    const id = this.ids.add('album', album.key);
    return {
      // Spotify files EPs under singles.
      album_type: album.kind === 'album' ? 'album' : 'single',
      total_tracks: album.recordingKeys.length,
      available_markets: MARKETS,
      ...this.ref('album', id),
      images: [],
      name: album.name,
      release_date: album.releaseDate,
      release_date_precision: 'day',
      artists: album.artistKeys.map((key) => this.simplifiedArtist(this.store.catalog.artist(key))),
    };
  }

  album(album: Album, market: string | undefined): Json {
    const tracks = album.recordingKeys.map((key) =>
      this.simplifiedTrack(this.store.catalog.recording(key), market),
    );
    const id = this.ids.add('album', album.key);
    const year = album.releaseDate.slice(0, 4);
    return {
      ...this.simplifiedAlbum(album),
      tracks: {
        href: `${this.apiBaseUrl}/v1/albums/${id}/tracks?offset=0&limit=${EMBEDDED_TRACKS}`,
        items: tracks.slice(0, EMBEDDED_TRACKS),
        limit: EMBEDDED_TRACKS,
        next: null,
        offset: 0,
        previous: null,
        total: tracks.length,
      },
      copyrights: [
        { text: `© ${year} ${album.label}`, type: 'C' },
        { text: `℗ ${year} ${album.label}`, type: 'P' },
      ],
      external_ids: { upc: album.upc },
      genres: [],
      label: album.label,
      popularity: album.popularity,
    };
  }

  simplifiedArtist(artist: Artist): Json {
    return { ...this.ref('artist', this.ids.add('artist', artist.key)), name: artist.name };
  }

  artist(artist: Artist): Json {
    return {
      ...this.simplifiedArtist(artist),
      followers: { href: null, total: artist.followers },
      genres: artist.genres,
      images: [],
      popularity: artist.popularity,
    };
  }

  simplifiedPlaylist(playlist: Playlist): Json {
    const id = this.ids.add('playlist', playlist.key);
    const owner = {
      ...this.owner(playlist.ownerKey),
      display_name: this.displayName(playlist.ownerKey),
    };
    return {
      collaborative: playlist.collaborative,
      description: playlist.description,
      ...this.ref('playlist', id),
      images: [],
      name: playlist.name,
      owner,
      public: playlist.public,
      snapshot_id: this.snapshotId(playlist),
      // Renamed from `tracks` in Spotify's 2026 Web API changes.
      items: {
        href: `${this.apiBaseUrl}/v1/playlists/${id}/items`,
        total: playlist.entries.length,
      },
    };
  }

  /** The full object: followers and the first page of items, as `GET /playlists/{id}` gives. */
  playlist(playlist: Playlist, market: string | undefined): Json {
    const simplified = this.simplifiedPlaylist(playlist);
    const items = playlist.entries.map((entry) => this.playlistItem(entry, market));
    const href = `${this.apiBaseUrl}/v1/playlists/${String(simplified.id)}/items`;
    return {
      ...simplified,
      followers: { href: null, total: playlist.followers },
      items: {
        href: `${href}?offset=0&limit=${EMBEDDED_ITEMS}`,
        items: items.slice(0, EMBEDDED_ITEMS),
        limit: EMBEDDED_ITEMS,
        next:
          items.length > EMBEDDED_ITEMS
            ? `${href}?offset=${EMBEDDED_ITEMS}&limit=${EMBEDDED_ITEMS}`
            : null,
        offset: 0,
        previous: null,
        total: items.length,
      },
    };
  }

  /** A playlist entry; the track sits under `item` since Spotify's 2026 changes. */
  playlistItem(entry: PlaylistEntry, market: string | undefined): Json {
    return {
      added_at: entry.addedAt,
      added_by: this.owner(entry.addedBy),
      is_local: false,
      item: this.trackByKey(entry.recordingKey, market),
    };
  }

  snapshotId(playlist: Playlist): string {
    return Buffer.from(`${playlist.key}:${playlist.revision}`).toString('base64url');
  }

  /** The revision a snapshot id names, if it is one of this playlist's. */
  snapshotRevision(playlist: Playlist, snapshotId: string): number | undefined {
    const [key, revision] = Buffer.from(snapshotId, 'base64url').toString('utf8').split(':');
    const number = Number(revision);
    return key === playlist.key && Number.isInteger(number) && number >= 1 ? number : undefined;
  }

  /** A person or the curator as `GET /users/{id}` shows them. */
  publicUser(ownerKey: OwnerKey): Json {
    return {
      ...this.owner(ownerKey),
      display_name: this.displayName(ownerKey),
      followers: { href: null, total: 0 },
      images: [],
    };
  }

  /** Username (the Spotify user id) of a person or the curator. */
  username(ownerKey: OwnerKey): string {
    return ownerKey === CURATOR ? 'spotify' : this.store.account(ownerKey).person.username;
  }

  private owner(ownerKey: OwnerKey): Json {
    return this.userRef(this.username(ownerKey));
  }

  private displayName(ownerKey: OwnerKey): string {
    return ownerKey === CURATOR ? 'Spotify' : this.store.account(ownerKey).person.displayName;
  }

  ref(kind: SpotifyKind, id: string): Json {
    return {
      external_urls: { spotify: `https://open.spotify.com/${kind}/${id}` },
      href: `${this.apiBaseUrl}/v1/${kind}s/${id}`,
      id,
      type: kind,
      uri: `spotify:${kind}:${id}`,
    };
  }

  private userRef(id: string): Json {
    return {
      external_urls: { spotify: `https://open.spotify.com/user/${id}` },
      href: `${this.apiBaseUrl}/v1/users/${id}`,
      id,
      type: 'user',
      uri: `spotify:user:${id}`,
    };
  }
}
