import * as z from 'zod';

/**
 * Every code the host's errors carry, whichever way they travel (the broker's `error` frame, the
 * window's HostApiError). Programs branch on the code; the message is for the person.
 */
export const ErrorCode = z.enum([
  'bad_frame',
  'frame_too_large',
  'unsupported_protocol',
  'unauthorized',
  'not_authenticated',
  'assistant_paused',
  'assistant_revoked',
  'provider_not_connected',
  'needs_login',
  'scope_not_allowed',
  'capability_invalid',
  'capability_expired',
  'endpoint_not_allowed',
  'rate_limited',
  'upstream_unavailable',
  'login_failed',
  'login_in_progress',
  'not_found',
  'internal',
  /** An MCP client's config file could not be changed safely; the message says what to do. */
  'client_config',
  /** "Ask me" mode: the person declined the change, or didn't answer before the timeout. */
  'approval_denied',
  /** An undo TuneBridge won't run: already undone, changed since, or not this assistant's. */
  'undo_refused',
  /** Provider app setup: a client ID that can't be right, or a change that needs a logout first. */
  'invalid_client_id',
  'invalid_redirect_port',
  'provider_in_use',
  'set_by_environment',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;
