import { TuneBridgeError } from '../errors.js';

export type OAuthErrorCode =
  | 'access_denied'
  | 'state_mismatch'
  | 'missing_code'
  | 'callback_reused'
  | 'timeout'
  | 'cancelled'
  | 'provider_error'
  | 'invalid_grant'
  | 'token_endpoint_failed'
  | 'port_in_use';

/** A login or token-endpoint failure. The message is for the person; it never holds a secret. */
export class OAuthError extends TuneBridgeError<OAuthErrorCode> {}

export interface OAuthErrorContext {
  /** As people see it: "Spotify", "TIDAL". */
  providerName: string;
  port?: number;
  timeoutMs?: number;
  httpStatus?: number;
  /** The provider's OAuth error code, already reduced by `safeOAuthCode`. */
  providerCode?: string;
  /** Whether an invalid_grant came from trading a login code or from a refresh. */
  grant?: 'authorization_code' | 'refresh_token';
}

/** Builds the OAuthError for `code` with the sentence that tells the person what to do. */
export function oauthError(
  code: OAuthErrorCode,
  context: OAuthErrorContext,
  options?: ErrorOptions,
): OAuthError {
  return new OAuthError(code, describe(code, context), options);
}

/**
 * OAuth error codes are a short fixed vocabulary (RFC 6749 §4.1.2.1, §5.2); anything else in
 * that field is not worth repeating to the person, and might be an injection attempt.
 */
export function safeOAuthCode(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(value) ? value : undefined;
}

function describe(code: OAuthErrorCode, context: OAuthErrorContext): string {
  const name = context.providerName;
  const again = `Run \`tunebridge login ${name.toLowerCase()}\` or use Connect in TuneBridge`;
  switch (code) {
    case 'access_denied':
      return `You denied access to ${name}. Run \`tunebridge login ${name.toLowerCase()}\` again if that was a mistake.`;
    case 'state_mismatch':
      return `The ${name} login answer did not belong to the login TuneBridge started, so it was ignored. ${again} to start over, and finish it in the browser tab it opens.`;
    case 'missing_code':
      return `${name} sent the browser back without a login code. ${again} to start over.`;
    case 'callback_reused':
      return `That ${name} login link was already used. ${again} to start a new login.`;
    case 'timeout':
      return `The ${name} login was not finished within ${minutes(context.timeoutMs)}. ${again} and approve access in the browser.`;
    case 'cancelled':
      return `The ${name} login was cancelled. ${again} when you are ready.`;
    case 'provider_error':
      return `${name} could not complete the login${detail(context.providerCode)}. ${again} to try again; if it keeps failing, check the ${name} client ID in TuneBridge's settings.`;
    case 'invalid_grant':
      return context.grant === 'authorization_code'
        ? `${name} did not accept the login code (it may have expired). ${again} to start over.`
        : `${name} no longer accepts TuneBridge's saved login (it was revoked or expired). ${again} to connect again.`;
    case 'token_endpoint_failed':
      return context.httpStatus === undefined
        ? `${name}'s login server could not be reached. Check your connection and try again.`
        : `${name}'s login server answered HTTP ${context.httpStatus}${detail(context.providerCode)}. Try again in a minute; if it keeps failing, check the ${name} client ID in TuneBridge's settings.`;
    case 'port_in_use': {
      const port = context.port ?? 0;
      return `TuneBridge needs port ${port} on 127.0.0.1 to receive the ${name} login, but another program is using it. Close that program (or a ${name} login still open in another TuneBridge), then try again; ${name} only accepts this port because it is the one registered for TuneBridge.`;
    }
  }
}

function detail(providerCode: string | undefined): string {
  return providerCode ? ` (${providerCode})` : '';
}

function minutes(ms: number | undefined): string {
  if (ms === undefined) return 'the time allowed';
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} seconds`;
  const count = Math.round(ms / 60_000);
  return count === 1 ? '1 minute' : `${count} minutes`;
}
