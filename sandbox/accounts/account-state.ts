import type { AccountStore } from './account-store.js';
import { Player } from './player.js';
import type { Account, Playlist } from './types.js';

type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A person's account as tests see it: their library playlists resolved, nothing shared. */
export type AccountState = DeepReadonly<Account & { playlists: Playlist[] }>;

/**
 * A copy of the account brought up to now: tracks that ended meanwhile are in the history and
 * `playback.progressMs` is the position at the moment of the call (`changedAt` is that moment).
 * A copy, so a test cannot change the sandbox by editing what it asserts on.
 */
export function accountState(store: AccountStore, person: Account['person']['key']): AccountState {
  const account = store.account(person);
  const progressMs = new Player(store).position(account);
  const playlists = account.playlistKeys
    .map((key) => store.playlist(key))
    .filter((playlist): playlist is Playlist => playlist !== undefined);
  const copy = structuredClone({ ...account, playlists });
  copy.playback.progressMs = progressMs;
  copy.playback.changedAt = store.now();
  return copy;
}
