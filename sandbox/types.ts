import type { AccountState, PersonKey } from './accounts/index.js';

/** The public face of the sandbox: what tests and `tunebridge serve --sandbox` can rely on. */

export type SandboxProvider = 'spotify' | 'tidal';

export interface SandboxOptions {
  /**
   * Redirect URIs registered for the sandbox app. TIDAL accepts only these, exactly
   * (default `['http://127.0.0.1:8765/callback']`); Spotify also accepts any loopback
   * `http://127.0.0.1:<port>/…` URI, as it does for real apps.
   */
  registeredRedirectUris?: Partial<Record<SandboxProvider, string[]>>;
  /** Default 3600, as both providers issue. */
  accessTokenLifetimeSeconds?: number;
  /** Default: Spotify rotates on refresh, TIDAL keeps the refresh token. */
  rotateRefreshTokens?: { spotify?: boolean; tidal?: boolean };
  /**
   * Spotify's restrictions on apps registered in 2026 (batch ids, top tracks, `contains`
   * checks, other users, browse, markets: 403; recommendations: 404). Default true.
   */
  spotifyGating?: boolean;
  /** Scopes the consent step grants less than asked for, as a person unticking them would. */
  withheldScopes?: Partial<Record<SandboxProvider, string[]>>;
  /** At least this many recordings in the catalog (default about 320); for benchmarks. */
  catalogRecordings?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Query parameters as sent; the last value wins when a name repeats. */
  query: Record<string, string>;
  status: number;
  /** The JSON body of an API request, when it had one (never of OAuth requests). */
  body?: unknown;
}

export type FaultStatus = 429 | 500 | 503 | 401;

export interface Fault {
  status: FaultStatus;
  /** Sent as `Retry-After` (seconds); 429 defaults to 1. */
  retryAfterSeconds?: number;
  /** How many matching requests this fault answers; default 1. */
  times?: number;
  /** Only API requests whose path starts with this, e.g. `/v1/search`. */
  pathPrefix?: string;
}

/** Failures sprinkled over API requests, for load tests. */
export interface RandomFaults {
  /** Share of API requests that fail, 0–1. */
  share: number;
  /** One is picked at random for each failure. */
  statuses: FaultStatus[];
  /** Sent as `Retry-After` on 429s; default 1. */
  retryAfterSeconds?: number;
  /** The same seed fails the same requests of the same run; default: the clock. */
  seed?: number;
}

/** Token endpoint hits per grant type, including failed ones. */
export interface TokenRequestCounts {
  authorization_code: number;
  refresh_token: number;
}

export interface ProviderSandbox {
  provider: SandboxProvider;
  /** Origin, e.g. `http://127.0.0.1:40123`. */
  baseUrl: string;
  /** Same origin; API paths carry `/v1` (Spotify) or `/v2` (TIDAL). */
  apiBaseUrl: string;
  clientId: string;
  authorizeUrl: string;
  tokenUrl: string;
  /** A search query that finds tracks, albums, artists and playlists. */
  sampleQuery: string;
  /** Every request, in order; never headers or bodies, so no secret lands here. */
  requests: RecordedRequest[];
  /** Every access token, refresh token and authorization code ever issued. */
  issuedTokens(): string[];
  /** Access tokens answer 401 and refresh tokens `invalid_grant` from now on. */
  revokeAll(): void;
  /** Current access tokens answer 401; refresh tokens keep working. */
  expireAccessTokens(): void;
  /** Applies to tokens issued from now on. */
  setLifetimes(lifetimes: { accessTokenSeconds?: number }): void;
  /** Queued in order and applied to API requests (not OAuth ones). */
  injectFaults(faults: Fault[]): void;
  /** From now on, fail a share of API requests (after any queued faults); undefined stops it. */
  setRandomFaults(faults: RandomFaults | undefined): void;
  /** A read-only copy of a person's account (default the listener): library, playback, queue. */
  state(person?: PersonKey): AccountState;
  tokenRequestCount(): TokenRequestCounts;
  /**
   * Does what clicking Approve on the consent page does, then GETs the redirect (the app's
   * loopback callback) and resolves with the URL it followed. Rejects when the authorization
   * URL would show an error page instead of a consent page.
   */
  approve(authorizationUrl: string, person?: PersonKey): Promise<string>;
  /** As `approve`, for the Deny button. */
  deny(authorizationUrl: string): Promise<string>;
}

export interface SpotifySandbox extends ProviderSandbox {
  /** Switches the 2026 registration restrictions (see `SandboxOptions.spotifyGating`). */
  setGating(on: boolean): void;
  /** Spotify's rolling-window rate limit over API requests; undefined switches it off. */
  setRateLimit(limit: SpotifyRateLimit | undefined): void;
}

export interface SpotifyRateLimit {
  /** Requests allowed within any window. */
  requests: number;
  /** The rolling window's length (Spotify's is 30 seconds). */
  windowSeconds: number;
}

export interface Sandbox {
  spotify: SpotifySandbox;
  tidal: ProviderSandbox;
  close(): Promise<void>;
}
