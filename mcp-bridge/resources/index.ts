import type { ResourceDefinition } from './define-resource.js';
import { nowPlaying } from './now-playing.js';
import { recentReceipts } from './recent-receipts.js';
import { spotifyLibrary } from './spotify-library.js';
import { spotifyPlaylist } from './spotify-playlist.js';
import { spotifyPlaylists } from './spotify-playlists.js';
import { tidalLibrary } from './tidal-library.js';
import { tidalPlaylist } from './tidal-playlist.js';
import { tidalPlaylists } from './tidal-playlists.js';

/** Every resource and resource template. Add one by adding its file and one line here. */
export const RESOURCES: readonly ResourceDefinition[] = [
  nowPlaying,
  spotifyPlaylists,
  spotifyPlaylist,
  spotifyLibrary,
  tidalPlaylists,
  tidalPlaylist,
  tidalLibrary,
  recentReceipts,
];
