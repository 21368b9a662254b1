import { seededRandom } from '../seeded-random.js';
import type { AccountStore } from './account-store.js';
import type { Account, Playback, PlaybackContext } from './types.js';

/** Spotify keeps 50 recently played tracks; older ones drop off. */
const HISTORY_LIMIT = 50;
/** Enough for a day of repeat-context playback between two reads; beyond it time just stops. */
const MAX_SETTLE_STEPS = 1000;

export interface StartPlayback {
  context?: PlaybackContext;
  /** The recordings to play: the context's, or the ones asked for. */
  list: readonly string[];
  startIndex: number;
  positionMs: number;
}

/**
 * Playback as time passes: a provider-neutral state machine over an account's `playback`. The
 * routes check Premium and the active device; this only moves through lists, the queue and time.
 */
export class Player {
  constructor(private readonly store: AccountStore) {}

  /** The recordings of an album, playlist or artist (most popular first), or undefined if unknown. */
  contextList(context: PlaybackContext): string[] | undefined {
    const { catalog } = this.store;
    switch (context.kind) {
      case 'album':
        return catalog.albums.find((album) => album.key === context.key)?.recordingKeys.slice();
      case 'playlist':
        return this.store.playlist(context.key)?.entries.map((entry) => entry.recordingKey);
      case 'artist':
        if (!catalog.artists.some((artist) => artist.key === context.key)) return undefined;
        return catalog.recordings
          .filter((recording) => recording.artistKeys.includes(context.key))
          .sort((a, b) => b.popularity - a.popularity)
          .map((recording) => recording.key);
    }
  }

  /** Where playback is now, in milliseconds, without changing anything. */
  position(account: Account): number {
    this.settle(account);
    const playback = account.playback;
    return playback.isPlaying
      ? playback.progressMs + (this.store.now() - playback.changedAt)
      : playback.progressMs;
  }

  /** Moves past the tracks that ended since the last change, recording them as played. */
  settle(account: Account): void {
    const playback = account.playback;
    const now = this.store.now();
    for (let step = 0; step < MAX_SETTLE_STEPS; step += 1) {
      if (!playback.isPlaying || !playback.recordingKey) return;
      const duration = this.duration(playback.recordingKey);
      const progress = playback.progressMs + (now - playback.changedAt);
      if (progress < duration) return;
      const endedAt = now - (progress - duration);
      this.record(account, endedAt);
      this.advance(playback, true);
      playback.progressMs = 0;
      playback.changedAt = endedAt;
    }
  }

  start(account: Account, init: StartPlayback): void {
    this.leave(account);
    const playback = account.playback;
    let list = [...init.list];
    let index = init.startIndex;
    if (playback.shuffle) {
      const [first] = list.splice(index, 1);
      list = first === undefined ? this.shuffled(list) : [first, ...this.shuffled(list)];
      index = 0;
    }
    Object.assign(playback, {
      context: init.context,
      list,
      index,
      recordingKey: list[index],
      fromQueue: false,
      isPlaying: true,
      progressMs: init.positionMs,
      changedAt: this.store.now(),
    } satisfies Partial<Playback>);
  }

  /** False when there is nothing loaded to resume. */
  resume(account: Account): boolean {
    this.settle(account);
    const playback = account.playback;
    if (!playback.recordingKey) return false;
    if (!playback.isPlaying) {
      playback.isPlaying = true;
      playback.changedAt = this.store.now();
    }
    return true;
  }

  /** False when already paused. */
  pause(account: Account): boolean {
    const progress = this.position(account);
    const playback = account.playback;
    if (!playback.isPlaying) return false;
    Object.assign(playback, {
      isPlaying: false,
      progressMs: progress,
      changedAt: this.store.now(),
    });
    return true;
  }

  next(account: Account): void {
    this.leave(account);
    this.advance(account.playback, false);
    this.restartTrack(account.playback);
  }

  /** Back one track in the list; at the start of the list, back to the start of the track. */
  previous(account: Account): void {
    this.leave(account);
    const playback = account.playback;
    if (playback.fromQueue) {
      playback.fromQueue = false;
    } else if (playback.index > 0) {
      playback.index -= 1;
    } else if (playback.repeat === 'context' && playback.list.length > 0) {
      playback.index = playback.list.length - 1;
    }
    playback.recordingKey = playback.list[playback.index] ?? playback.recordingKey;
    this.restartTrack(playback);
  }

  seek(account: Account, positionMs: number): void {
    this.settle(account);
    const playback = account.playback;
    const duration = playback.recordingKey ? this.duration(playback.recordingKey) : 0;
    playback.progressMs = Math.min(Math.max(0, positionMs), duration);
    playback.changedAt = this.store.now();
    // Seeking past the end plays the next track, as it does on Spotify.
    this.settle(account);
  }

  setShuffle(account: Account, on: boolean): void {
    this.settle(account);
    const playback = account.playback;
    if (playback.shuffle === on) return;
    playback.shuffle = on;
    const current = playback.list[playback.index];
    if (on) {
      const rest = playback.list.slice(playback.index + 1);
      playback.list = [...playback.list.slice(0, playback.index + 1), ...this.shuffled(rest)];
    } else if (playback.context) {
      const ordered = this.contextList(playback.context);
      const at = ordered && current !== undefined ? ordered.indexOf(current) : -1;
      if (ordered && at >= 0) {
        playback.list = ordered;
        playback.index = at;
      }
    }
  }

  setRepeat(account: Account, repeat: Playback['repeat']): void {
    this.settle(account);
    account.playback.repeat = repeat;
  }

  enqueue(account: Account, recordingKey: string): void {
    this.settle(account);
    account.playback.queue.push(recordingKey);
  }

  /** What plays after the current track: the queue, then the rest of the list. */
  upcoming(account: Account): string[] {
    this.settle(account);
    const playback = account.playback;
    const rest = playback.list.slice(playback.index + 1);
    const wrapped = playback.repeat === 'context' ? playback.list.slice(0, playback.index + 1) : [];
    return [...playback.queue, ...rest, ...wrapped];
  }

  /** `play` true starts playback on the new device; otherwise the state carries over. */
  transfer(account: Account, deviceKey: string, play: boolean | undefined): void {
    this.settle(account);
    const playback = account.playback;
    playback.deviceKey = deviceKey;
    if (play === true && playback.recordingKey && !playback.isPlaying) this.resume(account);
  }

  private advance(playback: Playback, automatic: boolean): void {
    if (automatic && playback.repeat === 'track') return;
    const queued = playback.queue.shift();
    if (queued !== undefined) {
      playback.recordingKey = queued;
      playback.fromQueue = true;
      return;
    }
    let next = playback.index + 1;
    if (next >= playback.list.length) {
      if (playback.repeat !== 'context' || playback.list.length === 0) {
        // The end of the list: Spotify stops with the last track loaded.
        playback.fromQueue = false;
        playback.isPlaying = false;
        return;
      }
      next = 0;
    }
    playback.index = next;
    playback.recordingKey = playback.list[next];
    playback.fromQueue = false;
  }

  /** Records the current track as played if it was, before playback moves off it. */
  private leave(account: Account): void {
    const progress = this.position(account);
    if (account.playback.recordingKey && (account.playback.isPlaying || progress > 0)) {
      this.record(account, this.store.now());
    }
  }

  private record(account: Account, playedAt: number): void {
    const { recordingKey, context } = account.playback;
    if (!recordingKey) return;
    account.recentlyPlayed.unshift({ recordingKey, playedAt, ...(context ? { context } : {}) });
    account.recentlyPlayed.length = Math.min(account.recentlyPlayed.length, HISTORY_LIMIT);
  }

  private restartTrack(playback: Playback): void {
    playback.progressMs = 0;
    playback.changedAt = this.store.now();
  }

  private duration(recordingKey: string): number {
    return this.store.catalog.recording(recordingKey).durationMs;
  }

  /** Deterministic for a given moment, so a run with a fixed clock repeats exactly. */
  private shuffled(keys: readonly string[]): string[] {
    const random = seededRandom(this.store.now() % 2 ** 32);
    const out = [...keys];
    for (let index = out.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [out[index], out[other]] = [out[other] as string, out[index] as string];
    }
    return out;
  }
}
