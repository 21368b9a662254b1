import type { JsonGet } from '../../../playlist-files/json-get.js';
import { PROVIDER_NAMES, type ProviderId } from '../../../protocol/providers.js';
import type { ApiCall, ApiResult } from '../broker/api-proxy.js';
import { HostError } from '../errors.js';

/** The host's proxy as the window's reads need it: one call with the person's own token. */
export interface ProviderCalls {
  call(call: ApiCall): Promise<ApiResult>;
}

/** A GET whose answer is checked against `schema`; a refusal becomes a sentence for the person. */
export type ProviderGet = JsonGet;

/**
 * GETs through the proxy, which holds the token, refreshes it and waits out rate limits. Counts
 * the requests in `counter`, so the audit record can say how many one export took.
 */
export function providerGet(
  proxy: ProviderCalls,
  provider: ProviderId,
  counter: { requests: number },
): ProviderGet {
  return async (path, query, schema, what) => {
    counter.requests += 1;
    const result = await proxy.call({ provider, method: 'GET', path, query });
    if (result.status < 200 || result.status >= 300) throw failure(provider, result, what);
    const parsed = schema.safeParse(result.body);
    if (parsed.success) return parsed.data;
    throw new HostError(
      'upstream_unavailable',
      `${PROVIDER_NAMES[provider]} answered in an unexpected shape when TuneBridge tried to ${what}. Try again; if it keeps happening, please report it.`,
    );
  };
}

function failure(provider: ProviderId, result: ApiResult, what: string): HostError {
  const name = PROVIDER_NAMES[provider];
  switch (result.status) {
    case 401:
      return new HostError(
        'needs_login',
        `${name} no longer accepts TuneBridge’s login. Log in to ${name} again in Accounts, then export again.`,
      );
    case 403:
      return new HostError(
        'scope_not_allowed',
        `${name} did not let TuneBridge ${what}. Disconnect ${name} in Accounts and connect it again, allowing TuneBridge to read your playlists and saved tracks.`,
      );
    case 404:
      return new HostError(
        'not_found',
        `${name} could not find that playlist (TuneBridge tried to ${what}). It may have been deleted; pick another one.`,
      );
    case 429:
      return new HostError(
        'rate_limited',
        `${name} asked TuneBridge to slow down. Try the export again in ${result.retryAfterSeconds ?? 30} seconds.`,
        result.retryAfterSeconds,
      );
    default:
      return new HostError(
        'upstream_unavailable',
        `${name} could not ${what} just now (HTTP ${result.status}). Try again in a moment.`,
      );
  }
}
