import type { ApiResponse } from '../server/api-types.js';
import type { SpotifyRateLimit } from '../types.js';

/**
 * Spotify's rate limit: a rolling window over the app's requests (30 seconds on Spotify, which
 * publishes no count). Past it, 429 with `Retry-After` in seconds: when the oldest request in
 * the window leaves it. Refused requests don't count, as on Spotify.
 */
export class RollingWindowLimiter {
  private limit: SpotifyRateLimit | undefined;
  private times: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  set(limit: SpotifyRateLimit | undefined): void {
    this.limit = limit;
    this.times = [];
  }

  /** Counts one request, or returns the 429 to send. */
  take(): ApiResponse | undefined {
    const limit = this.limit;
    if (!limit) return undefined;
    const now = this.now();
    const windowMs = limit.windowSeconds * 1000;
    while (this.times.length > 0 && (this.times[0] ?? 0) <= now - windowMs) this.times.shift();
    if (this.times.length < limit.requests) {
      this.times.push(now);
      return undefined;
    }
    const wait = Math.max(1, Math.ceil(((this.times[0] ?? now) + windowMs - now) / 1000));
    return {
      status: 429,
      body: { error: { status: 429, message: 'API rate limit exceeded' } },
      headers: { 'retry-after': String(wait) },
    };
  }
}
