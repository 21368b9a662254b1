import type { ProviderId } from '../../../protocol/providers.js';
import type { TokenSet } from '../vault/token-set.js';

/**
 * Refreshed tokens the secret store would not take yet. They are the only valid login once a
 * provider has rotated the refresh token, so they stay in memory, are used, and are saved again
 * with a growing pause until the store takes them or a login or logout replaces them.
 */
export class PendingSaves {
  private readonly pending = new Map<ProviderId, { tokens: TokenSet; timer?: NodeJS.Timeout }>();

  constructor(
    private readonly save: (provider: ProviderId, tokens: TokenSet) => Promise<void>,
    private readonly firstRetryMs: number,
    private readonly maxRetryMs = 60_000,
  ) {}

  /** The newest tokens not yet saved, which win over whatever the store holds. */
  get(provider: ProviderId): TokenSet | undefined {
    return this.pending.get(provider)?.tokens;
  }

  has(provider: ProviderId): boolean {
    return this.pending.has(provider);
  }

  /** Keeps `tokens` and retries saving them; returns true when this starts a stretch of failures. */
  hold(provider: ProviderId, tokens: TokenSet): boolean {
    const existing = this.pending.get(provider);
    if (existing?.timer) clearTimeout(existing.timer);
    this.pending.set(provider, { tokens });
    this.schedule(provider, tokens, this.firstRetryMs);
    return existing === undefined;
  }

  /** A login or logout replaced the tokens: nothing left to save. */
  drop(provider: ProviderId): void {
    const existing = this.pending.get(provider);
    if (existing?.timer) clearTimeout(existing.timer);
    this.pending.delete(provider);
  }

  private schedule(provider: ProviderId, tokens: TokenSet, delayMs: number): void {
    const timer = setTimeout(() => {
      if (this.pending.get(provider)?.tokens !== tokens) return;
      this.save(provider, tokens).then(
        () => {
          if (this.pending.get(provider)?.tokens === tokens) this.pending.delete(provider);
        },
        () => {
          if (this.pending.get(provider)?.tokens !== tokens) return;
          this.schedule(provider, tokens, Math.min(delayMs * 2, this.maxRetryMs));
        },
      );
    }, delayMs);
    // Retrying must not keep a stopping host alive; the tokens are lost with the process anyway.
    timer.unref();
    const entry = this.pending.get(provider);
    if (entry) entry.timer = timer;
  }
}
