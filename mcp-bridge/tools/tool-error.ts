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
  const reason = providerReason(response.body);
  if (reason === 'PREMIUM_REQUIRED') {
    return new ToolError(
      'premium_required',
      `${name} only lets Premium accounts control playback (${what}). Use the ${name} app to play, or upgrade to Premium.`,
    );
  }
  if (reason === 'VOLUME_CONTROL_DISALLOW') {
    return new ToolError(
      'volume_not_supported',
      `This device does not let ${name} change its volume. Change it on the device, or transfer playback to another device first.`,
    );
  }
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
      const quota = reason === 'QUOTA_EXCEEDED' ? ' (the app’s quota is used up)' : '';
      return new ToolError(
        'rate_limited',
        `${name} is rate limiting requests${quota}${wait !== undefined ? `; try again in ${formatWait(wait)}` : '; try again shortly'}. TuneBridge already retried within its budget.`,
      );
    }
    default:
      return new ToolError(
        'upstream_error',
        `${name} had a problem (HTTP ${response.status}) trying to ${what}. Try again in a minute.`,
      );
  }
}

/** Spotify's machine-readable `error.reason`, e.g. `PREMIUM_REQUIRED` or `NO_ACTIVE_DEVICE`. */
export function providerReason(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const reason = (error as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : undefined;
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

/** Broker codes that mean "the person said no (or didn't answer)": the assistant must not retry. */
export const APPROVAL_REFUSALS: ReadonlySet<string> = new Set(['approval_denied']);

/**
 * The isError text for a broker refusal. An "ask me" refusal (`approval_denied`) leads with what
 * happened, so the assistant tells the person instead of retrying; the host's message says
 * whether they declined or didn't answer in time, and how to switch "Ask before changes" off.
 */
export function refusalText(code: string, message: string): string {
  if (APPROVAL_REFUSALS.has(code)) {
    return `Not done: this change needed the person’s OK in TuneBridge. ${message}`;
  }
  return message;
}
