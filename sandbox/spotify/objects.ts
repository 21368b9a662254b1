import { CURATOR, type AccountStore, type Playlist } from '../accounts/index.js';
import type { Grant } from '../oauth/token-store.js';
import type { Album, Artist, Recording } from '../catalog/index.js';
import { SpotifyIdIndex, type SpotifyKind } from './ids.js';

/** Where the sandbox says content is available: a few markets, as the real lists are long. */
const MARKETS = ['CA', 'DE', 'GB', 'NO', 'SE', 'US'];

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
    const id = this.ids.add('track', recording.key);
    return {
      album: this.simplifiedAlbum(this.store.catalog.album(recording.albumKey)),
      artists: recording.artistKeys.map((key) =>
        this.simplifiedArtist(this.store.catalog.artist(key)),
      ),
      // Spotify answers a request with a market by saying whether the track plays there instead.
      ...(market ? { is_playable: true } : { available_markets: MARKETS }),
      disc_number: recording.discNumber,
      duration_ms: recording.durationMs,
      explicit: recording.explicit,
      external_ids: { isrc: recording.isrc },
      ...this.ref('track', id),
      name: recording.title,
      popularity: recording.popularity,
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
    const owner =
      playlist.ownerKey === CURATOR
        ? { ...this.userRef('spotify'), display_name: 'Spotify' }
        : {
            ...this.userRef(this.store.account(playlist.ownerKey).person.username),
            display_name: this.store.account(playlist.ownerKey).person.displayName,
          };
    return {
      collaborative: playlist.collaborative,
      description: playlist.description,
      ...this.ref('playlist', id),
      images: [],
      name: playlist.name,
      owner,
      public: playlist.public,
      snapshot_id: Buffer.from(`${playlist.key}:${playlist.revision}`).toString('base64url'),
      // Renamed from `tracks` in Spotify's 2026 Web API changes.
      items: {
        href: `${this.apiBaseUrl}/v1/playlists/${id}/items`,
        total: playlist.entries.length,
      },
    };
  }

  private ref(kind: SpotifyKind, id: string): Json {
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
