import type { ApiResponse } from '../../host-session.js';
import type { ToolContext } from '../define-tool.js';

/**
 * Bulk tools send thousands of requests; the host waits out a rate limit only within a few
 * seconds, and answers 429 past that. A 429 means the provider did nothing, so the same request
 * (TIDAL changes keep their Idempotency-Key) is sent again after the wait it asked for.
 */

/** Longest single wait, and longest in total, before the 429 goes to the tool as a failure. */
const MAX_WAIT_S = 60;
const MAX_TOTAL_S = 15 * 60;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function patiently(
  send: () => Promise<ApiResponse>,
  say: (step: string) => void,
): Promise<ApiResponse> {
  let waited = 0;
  for (;;) {
    const response = await send();
    const wait = response.retryAfterSeconds ?? 1;
    if (response.status !== 429 || wait > MAX_WAIT_S || waited + wait > MAX_TOTAL_S)
      return response;
    waited += wait;
    say(`Rate limited: waiting ${wait} s, as the service asked`);
    await pause(wait * 1000);
  }
}

/** The same context, waiting out rate limits instead of failing on them. */
export function patientContext(context: ToolContext): ToolContext {
  return {
    ...context,
    api: (request) => patiently(() => context.api(request), context.progress),
    apiFor: (provider, scopes, request) =>
      patiently(() => context.apiFor(provider, scopes, request), context.progress),
  };
}
