import type { ProviderId } from '../../../protocol/providers.js';
import { PROVIDER_NAMES } from '../../../protocol/providers.js';
import type { ProviderFetch } from '../http/secure-fetch.js';
import type { ProviderRuntime } from '../providers/provider-runtime.js';
import { BrokerError } from './broker-error.js';

export interface ApiCall {
  provider: ProviderId;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  idempotencyKey?: string;
}

export interface ApiResult {
  status: number;
  body: unknown;
  retryAfterSeconds?: number;
  attempts: number;
}

export interface AccessTokens {
  getAccessToken(provider: ProviderId): Promise<string>;
  refreshAfterUnauthorized(provider: ProviderId, rejectedAccessToken: string): Promise<string>;
}

export interface ApiProxyOptions {
  provider: (id: ProviderId) => ProviderRuntime | undefined;
  tokens: AccessTokens;
  fetch: ProviderFetch;
  /** The longest one call may spend waiting on rate limits and retries. */
  retryBudgetMs?: number;
  maxAttempts?: number;
  maxConcurrentPerProvider?: number;
  /** Answers larger than this can't fit a broker frame; they fail clearly instead. */
  maxBodyBytes?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

/**
 * Sends a bridge's request to the provider with the real token, which never leaves this process.
 * Retries once after a refresh on 401, waits out 429s and 5xx within a bounded budget, and
 * shares a provider's 429 cool-down across every caller so a burst does not hammer it.
 */
export class ProviderApiProxy {
  private readonly cooldownUntil = new Map<ProviderId, number>();
  private readonly slots = new Map<ProviderId, Semaphore>();
  private readonly retryBudgetMs: number;
  private readonly maxAttempts: number;
  private readonly maxBodyBytes: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: ApiProxyOptions) {
    this.retryBudgetMs = options.retryBudgetMs ?? 8_000;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.maxBodyBytes = options.maxBodyBytes ?? 900 * 1024;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
  }

  /** When a provider's shared 429 cool-down ends (epoch ms), or undefined when there is none. */
  rateLimitedUntil(provider: ProviderId): number | undefined {
    const until = this.cooldownUntil.get(provider);
    return until !== undefined && until > this.now() ? until : undefined;
  }

  async call(call: ApiCall): Promise<ApiResult> {
    const runtime = this.options.provider(call.provider);
    if (!runtime) {
      throw new BrokerError(
        'provider_not_connected',
        `${PROVIDER_NAMES[call.provider]} is not set up in TuneBridge. Open TuneBridge and connect it.`,
      );
    }
    const semaphore = this.slotsFor(call.provider);
    await semaphore.acquire();
    try {
      return await this.callWithRetries(runtime, call);
    } finally {
      semaphore.release();
    }
  }

  private async callWithRetries(runtime: ProviderRuntime, call: ApiCall): Promise<ApiResult> {
    const deadline = this.now() + this.retryBudgetMs;
    const url = buildUrl(runtime.apiBaseUrl, call.path, call.query);
    const retrySafe = call.method === 'GET' || call.idempotencyKey !== undefined;
    let accessToken = await this.options.tokens.getAccessToken(call.provider);
    let refreshed = false;

    for (let attempt = 1; ; attempt += 1) {
      const waited = await this.waitOutCooldown(call.provider, deadline);
      if (waited !== undefined) return { ...waited, attempts: attempt - 1 };

      let response: Response;
      try {
        response = await this.options.fetch(url, {
          method: call.method,
          headers: requestHeaders(accessToken, call),
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
        });
      } catch (error) {
        if (retrySafe && attempt < this.maxAttempts && this.backoffFits(attempt, deadline)) {
          await this.sleep(backoffMs(attempt));
          continue;
        }
        throw new BrokerError(
          'upstream_unavailable',
          `${PROVIDER_NAMES[call.provider]} could not be reached. Check your connection and try again.`,
          undefined,
          { cause: error },
        );
      }

      if (response.status === 401 && !refreshed) {
        await response.body?.cancel();
        accessToken = await this.options.tokens.refreshAfterUnauthorized(
          call.provider,
          accessToken,
        );
        refreshed = true;
        continue;
      }
      if (response.status === 429) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.now());
        this.cooldownUntil.set(call.provider, this.now() + retryAfterMs);
        if (attempt < this.maxAttempts && this.now() + retryAfterMs <= deadline) {
          await response.body?.cancel();
          continue;
        }
        return {
          status: 429,
          body: await readBody(response, this.maxBodyBytes),
          retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
          attempts: attempt,
        };
      }
      if (
        RETRYABLE_STATUS.has(response.status) &&
        retrySafe &&
        attempt < this.maxAttempts &&
        this.backoffFits(attempt, deadline)
      ) {
        await response.body?.cancel();
        await this.sleep(backoffMs(attempt));
        continue;
      }
      return {
        status: response.status,
        body: await readBody(response, this.maxBodyBytes),
        attempts: attempt,
      };
    }
  }

  /** Waits for a provider-wide cool-down if it ends within the budget; else answers 429 at once. */
  private async waitOutCooldown(
    provider: ProviderId,
    deadline: number,
  ): Promise<Omit<ApiResult, 'attempts'> | undefined> {
    const until = this.cooldownUntil.get(provider) ?? 0;
    const wait = until - this.now();
    if (wait <= 0) return undefined;
    if (this.now() + wait > deadline) {
      return {
        status: 429,
        body: { error: { status: 429, message: 'Rate limited by the provider.' } },
        retryAfterSeconds: Math.ceil(wait / 1000),
      };
    }
    await this.sleep(wait);
    return undefined;
  }

  private backoffFits(attempt: number, deadline: number): boolean {
    return this.now() + backoffMs(attempt) <= deadline;
  }

  private slotsFor(provider: ProviderId): Semaphore {
    let semaphore = this.slots.get(provider);
    if (!semaphore) {
      semaphore = new Semaphore(this.options.maxConcurrentPerProvider ?? 6);
      this.slots.set(provider, semaphore);
    }
    return semaphore;
  }
}

function buildUrl(base: string, path: string, query: Record<string, string> | undefined): string {
  const url = new URL(path, base);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}

function requestHeaders(accessToken: string, call: ApiCall): Record<string, string> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${accessToken}`,
    Accept: call.provider === 'tidal' ? 'application/vnd.api+json' : 'application/json',
  };
  if (call.body !== undefined) {
    headers['Content-Type'] =
      call.provider === 'tidal' ? 'application/vnd.api+json' : 'application/json';
  }
  if (call.idempotencyKey) headers['Idempotency-Key'] = call.idempotencyKey;
  return headers;
}

async function readBody(response: Response, maxBytes: number): Promise<unknown> {
  const text = await response.text();
  if (Buffer.byteLength(text) > maxBytes) {
    return {
      error: {
        status: 502,
        message:
          'The provider answered with more data than TuneBridge relays in one call; ask for a smaller page.',
      },
    };
  }
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Retry-After is seconds or an HTTP date; anything unreadable counts as one second. */
export function parseRetryAfter(header: string | null, now: number): number {
  if (!header) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

function backoffMs(attempt: number): number {
  return 200 * 2 ** (attempt - 1);
}

class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}
