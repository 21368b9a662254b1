import { fetch as undiciFetch } from 'undici';
import { TuneBridgeError } from '../errors.js';
import {
  createPinnedDispatcher,
  findPinError,
  type PinningOptions,
} from './certificate-pinning.js';

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
  /** Certificate pinning for the provider hosts; `false` is the documented kill switch. */
  pinning?: PinningOptions | false;
}

/**
 * A fetch that refuses insecure URLs, never follows redirects (a redirect could carry a bearer
 * token to a host we did not choose) and gives up after a timeout instead of hanging a tool call.
 */
export function createSecureFetch(options: SecureFetchOptions = {}): ProviderFetch {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const dispatcher =
    options.pinning === false ? undefined : createPinnedDispatcher(options.pinning);
  const send = (target: URL, init: RequestInit): Promise<Response> =>
    dispatcher
      ? // undici's own fetch, so the dispatcher and fetch always come from one undici version.
        (undiciFetch(target, {
          ...(init as Parameters<typeof undiciFetch>[1]),
          dispatcher,
        }) as unknown as Promise<Response>)
      : fetch(target, init);
  return async (url, init = {}) => {
    const target = assertSecureUrl(url);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      return await send(target, { ...init, redirect: 'error', signal });
    } catch (error) {
      const pinError = findPinError(error);
      if (pinError) throw pinError;
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

/** Pinned; the host builds its own with the person's kill-switch setting applied. */
export const secureFetch: ProviderFetch = createSecureFetch();

function describeMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}
