import { PROVIDER_NAMES, type ProviderId } from '../../protocol/providers.js';
import type { ApiResponse } from '../host-session.js';

/** A failure the assistant should relay to the person; the message says what to do next. */
export class ToolError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ToolError';
  }
}

/** Turns a provider's error status into a sentence with a next step. */
export function apiFailure(provider: ProviderId, response: ApiResponse, what: string): ToolError {
  const name = PROVIDER_NAMES[provider];
  const detail = providerMessage(response.body);
  switch (response.status) {
    case 400:
      return new ToolError(
        'bad_request',
        `${name} rejected the request to ${what}${detail ? `: ${detail}` : ''}. Check the inputs and try again.`,
      );
    case 401:
      return new ToolError(
        'needs_login',
        `${name} no longer accepts TuneBridge's login. Open TuneBridge and log in to ${name} again.`,
      );
    case 403:
      return new ToolError(
        'forbidden',
        `${name} refused to ${what}${detail ? ` (${detail})` : ''}. The account or app may not have access to this feature.`,
      );
    case 404:
      return new ToolError(
        'not_found',
        `${name} could not find what was asked for (${what}). Check the ID or search again.`,
      );
    case 429: {
      const wait = response.retryAfterSeconds;
      return new ToolError(
        'rate_limited',
        `${name} is rate limiting requests${wait !== undefined ? `; try again in ${formatWait(wait)}` : '; try again shortly'}. TuneBridge already retried within its budget.`,
      );
    }
    default:
      return new ToolError(
        'upstream_error',
        `${name} had a problem (HTTP ${response.status}) trying to ${what}. Try again in a minute.`,
      );
  }
}

function providerMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    return (error as { message: string }).message.slice(0, 200);
  }
  return undefined;
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}
