import type { ToolDefinition } from './define-tool.js';
import { getAlbum } from './spotify/get-album.js';
import { getArtist } from './spotify/get-artist.js';
import { getProfile } from './spotify/get-profile.js';
import { getRecentlyPlayed } from './spotify/get-recently-played.js';
import { getSeveral } from './spotify/get-several.js';
import { getTopItems } from './spotify/get-top-items.js';
import { getTrack } from './spotify/get-track.js';
import { checkSaved } from './spotify/check-saved.js';
import { getFollowedArtists } from './spotify/get-followed-artists.js';
import { getSavedAlbums } from './spotify/get-saved-albums.js';
import { getSavedTracks } from './spotify/get-saved-tracks.js';
import { removeFromLibrary } from './spotify/remove-from-library.js';
import { saveToLibrary } from './spotify/save-to-library.js';
import { addToPlaylist } from './spotify/add-to-playlist.js';
import { createPlaylist } from './spotify/create-playlist.js';
import { getPlaylist } from './spotify/get-playlist.js';
import { listMyPlaylists } from './spotify/list-my-playlists.js';
import { removeFromPlaylist } from './spotify/remove-from-playlist.js';
import { reorderPlaylist } from './spotify/reorder-playlist.js';
import { updatePlaylistDetails } from './spotify/update-playlist-details.js';
import { addToQueue } from './spotify/add-to-queue.js';
import { getPlayback } from './spotify/get-playback.js';
import { getQueue } from './spotify/get-queue.js';
import { listDevicesTool } from './spotify/list-devices.js';
import { pausePlayback } from './spotify/pause-playback.js';
import { play } from './spotify/play.js';
import { searchSpotify } from './spotify/search-spotify.js';
import { seekPlayback } from './spotify/seek-playback.js';
import { setRepeat } from './spotify/set-repeat.js';
import { setShuffle } from './spotify/set-shuffle.js';
import { setVolume } from './spotify/set-volume.js';
import { skipNext } from './spotify/skip-next.js';
import { skipPrevious } from './spotify/skip-previous.js';
import { transferPlayback } from './spotify/transfer-playback.js';
import { spotifyDoctor } from './spotify/doctor.js';

import { searchTidal } from './tidal/search-tidal.js';
import { getTidalTrack } from './tidal/get-track.js';
import { getTidalAlbum } from './tidal/get-album.js';
import { getTidalArtist } from './tidal/get-artist.js';
import { getTrackRadio } from './tidal/track-radio.js';
import { getSimilarTracks } from './tidal/similar-tracks.js';
import { getArtistRadio } from './tidal/artist-radio.js';
import { getTidalCollection } from './tidal/get-collection.js';
import { addToTidalCollection, removeFromTidalCollection } from './tidal/change-collection.js';
import { listMyTidalPlaylists } from './tidal/list-my-playlists.js';
import { getTidalPlaylist } from './tidal/get-playlist.js';
import { createTidalPlaylist } from './tidal/create-playlist.js';
import { updateTidalPlaylist } from './tidal/update-playlist.js';
import { addToTidalPlaylist } from './tidal/add-to-playlist.js';
import { removeFromTidalPlaylist } from './tidal/remove-from-playlist.js';
import { reorderTidalPlaylist } from './tidal/reorder-playlist.js';
import { getTidalMixes } from './tidal/get-mixes.js';
import { openInTidal } from './tidal/open-in-tidal.js';
import { copyPlaylist } from './cross-service/copy-playlist.js';
import { findOnOtherService } from './cross-service/find-on-other-service.js';
import { undo } from './undo.js';
import { adjustVolume } from './spotify/adjust-volume.js';
import { spotifyRemoveDuplicates } from './spotify/remove-duplicates.js';
import { spotifySortPlaylist } from './spotify/sort-playlist.js';
import { spotifyCombinePlaylists } from './spotify/combine-playlists.js';
import { exportSpotify } from './spotify/export-spotify.js';
import { spotifyImportPlaylist } from './spotify/import-playlist.js';
import { tidalRemoveDuplicates } from './tidal/remove-duplicates.js';
import { tidalSortPlaylist } from './tidal/sort-playlist.js';
import { tidalCombinePlaylists } from './tidal/combine-playlists.js';
import { exportTidal } from './tidal/export-tidal.js';
import { tidalImportPlaylist } from './tidal/import-playlist.js';
import { syncPlaylist } from './cross-service/sync-playlist.js';
import { followPlaylists } from './spotify/follow-playlists.js';
import { unfollowPlaylists } from './spotify/unfollow-playlists.js';
import { getShow } from './spotify/get-show.js';
import { getEpisode } from './spotify/get-episode.js';
import { getAudiobook } from './spotify/get-audiobook.js';
import { searchSpoken } from './spotify/search-spoken.js';
import { getSavedSpoken } from './spotify/get-saved-spoken.js';
/** Every tool the bridge offers. Add a tool by adding its file and one line here. */
export const TOOLS: readonly ToolDefinition[] = [
  searchSpotify,
  // Playback.
  getPlayback,
  play,
  pausePlayback,
  skipNext,
  skipPrevious,
  seekPlayback,
  setVolume,
  setShuffle,
  setRepeat,
  listDevicesTool,
  transferPlayback,
  getQueue,
  addToQueue,
  // Playlists.
  listMyPlaylists,
  getPlaylist,
  createPlaylist,
  updatePlaylistDetails,
  addToPlaylist,
  removeFromPlaylist,
  reorderPlaylist,
  // Library.
  getSavedTracks,
  getSavedAlbums,
  saveToLibrary,
  removeFromLibrary,
  checkSaved,
  getFollowedArtists,
  // Catalog.
  getTrack,
  getAlbum,
  getArtist,
  getSeveral,
  // Personal.
  getProfile,
  getRecentlyPlayed,
  getTopItems,
  // Diagnostics.
  spotifyDoctor,
  // TIDAL.
  searchTidal,
  getTidalTrack,
  getTidalAlbum,
  getTidalArtist,
  getTrackRadio,
  getSimilarTracks,
  getArtistRadio,
  getTidalCollection,
  addToTidalCollection,
  removeFromTidalCollection,
  listMyTidalPlaylists,
  getTidalPlaylist,
  createTidalPlaylist,
  updateTidalPlaylist,
  addToTidalPlaylist,
  removeFromTidalPlaylist,
  reorderTidalPlaylist,
  getTidalMixes,
  openInTidal,
  // Across services.
  copyPlaylist,
  findOnOtherService,
  // Receipts.
  undo,
  // Library hygiene, export, import and sync.
  adjustVolume,
  spotifyRemoveDuplicates,
  spotifySortPlaylist,
  spotifyCombinePlaylists,
  exportSpotify,
  spotifyImportPlaylist,
  tidalRemoveDuplicates,
  tidalSortPlaylist,
  tidalCombinePlaylists,
  exportTidal,
  tidalImportPlaylist,
  syncPlaylist,
  followPlaylists,
  unfollowPlaylists,
  // Podcasts and audiobooks.
  getShow,
  getEpisode,
  getAudiobook,
  searchSpoken,
  getSavedSpoken,
];
