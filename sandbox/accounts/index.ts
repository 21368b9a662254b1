export { AccountStore, type NewPlaylist } from './account-store.js';
export { SANDBOX_PEOPLE } from './people.js';
export {
  CURATOR,
  type Account,
  type Device,
  type LibraryEntry,
  type OwnerKey,
  type PersonKey,
  type Playback,
  type Playlist,
  type PlaylistEntry,
  type SandboxPerson,
} from './types.js';
