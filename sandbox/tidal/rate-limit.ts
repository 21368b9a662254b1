import type { ApiResponse } from '../server/api-types.js';

export interface TidalRateLimit {
  /** Requests allowed at once. */
  burst: number;
  /** Tokens added back per second. */
  replenishPerSecond: number;
}

/** TIDAL's token bucket, with the headers it sends on every 429. */
export class RateLimiter {
  private limit: TidalRateLimit | undefined;
  private tokens = 0;
  private updatedAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  set(limit: TidalRateLimit | undefined): void {
    this.limit = limit;
    this.tokens = limit?.burst ?? 0;
    this.updatedAt = this.now();
  }

  /** Takes one token, or returns the 429 to send. */
  take(): ApiResponse | undefined {
    const limit = this.limit;
    if (!limit) return undefined;
    const now = this.now();
    this.tokens = Math.min(
      limit.burst,
      this.tokens + ((now - this.updatedAt) / 1000) * limit.replenishPerSecond,
    );
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return undefined;
    }
    const wait = Math.max(1, Math.ceil((1 - this.tokens) / limit.replenishPerSecond));
    return {
      status: 429,
      body: { errors: [{ status: '429', code: 'RATE_LIMITED', detail: 'Rate limit exceeded' }] },
      headers: {
        'retry-after': String(wait),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-burst-capacity': String(limit.burst),
        'x-ratelimit-replenish-rate': String(limit.replenishPerSecond),
        'x-ratelimit-requested-tokens': '1',
      },
    };
  }
}
