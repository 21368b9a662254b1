import { TuneBridgeError } from '../errors.js';

/** The only way the host talks to a provider; tests and the sandbox pass their own. */
export type ProviderFetch = (url: string, init?: RequestInit) => Promise<Response>;

export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;

/** Plain http is only acceptable when the traffic never leaves this machine (the sandbox). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export class InsecureUrlError extends TuneBridgeError<'insecure_url'> {}

export class FetchTimeoutError extends TuneBridgeError<'request_timeout'> {}

/**
 * Throws unless `url` is https, or http to a loopback literal. The message names the origin
 * only: a query string may carry a code or token.
 */
export function assertSecureUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InsecureUrlError(
      'insecure_url',
      'TuneBridge was asked to contact an address that is not a valid URL. Check the provider URLs in its settings.',
    );
  }
  const loopbackHttp = parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
  if (parsed.protocol !== 'https:' && !loopbackHttp) {
    const where = parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
    throw new InsecureUrlError(
      'insecure_url',
      `TuneBridge refused to contact ${where}: it only talks to providers over https. Check the provider URLs in its settings.`,
    );
  }
  return parsed;
}

export interface SecureFetchOptions {
  timeoutMs?: number;
}

/**
 * A fetch that refuses insecure URLs, never follows redirects (a redirect could carry a bearer
 * token to a host we did not choose) and gives up after a timeout instead of hanging a tool call.
 */
export function createSecureFetch(options: SecureFetchOptions = {}): ProviderFetch {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  return async (url, init = {}) => {
    const target = assertSecureUrl(url);
    // Certificate pinning is left to a later issue; until then the OS trust store decides.
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      return await fetch(target, { ...init, redirect: 'error', signal });
    } catch (error) {
      if (timeout.aborted && !init.signal?.aborted) {
        throw new FetchTimeoutError(
          'request_timeout',
          `${target.host} did not answer within ${describeMs(timeoutMs)}. Check your connection and try again.`,
          { cause: error },
        );
      }
      throw error;
    }
  };
}

export const secureFetch: ProviderFetch = createSecureFetch();

function describeMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}
