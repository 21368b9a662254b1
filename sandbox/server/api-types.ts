import type { Grant } from '../oauth/token-store.js';

/** An authenticated API request, as a provider's routes see it. */
export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  grant: Grant;
  /** Parsed JSON body, when one was sent. */
  body: unknown;
  /** Request headers, lower-case names (e.g. TIDAL's `idempotency-key`); never recorded. */
  headers?: Readonly<Record<string, string | string[] | undefined>>;
}

export interface ApiResponse {
  status: number;
  /** Omitted for 204 and the like. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** What each provider plugs into the shared server: its routes and its error format. */
export interface ProviderApi {
  /** Undefined when no route matches; the server answers 404 in the provider's format. */
  handle(request: ApiRequest): ApiResponse | undefined;
  error(status: number, message: string): ApiResponse;
  /** `Content-Type` for API responses. */
  contentType: string;
}
