export {
  AccountStore,
  type LibraryItem,
  type NewPlaylist,
  type PlaylistDetails,
} from './account-store.js';
export { SANDBOX_PEOPLE } from './people.js';
export {
  CURATOR,
  type Account,
  type ContextKind,
  type Device,
  type FollowedArtist,
  type LibraryEntry,
  type OwnerKey,
  type PersonKey,
  type Playback,
  type PlaybackContext,
  type PlayedRecording,
  type Playlist,
  type PlaylistEntry,
  type SavedAlbum,
  type SandboxPerson,
} from './types.js';
export { Player, type StartPlayback } from './player.js';
export { accountState, type AccountState } from './account-state.js';
