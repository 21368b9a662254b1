import { ErrorCode } from '../../../protocol/error-codes.js';
import { PROVIDER_NAMES, type ProviderId } from '../../../protocol/providers.js';
import { HostError, TuneBridgeError } from '../errors.js';

/** An error the broker answers with on the wire; its message is written for the person. */
export class BrokerError extends HostError {}

/**
 * The host's typed errors keep their sentence on the wire, and their code when it is one of the
 * protocol's; anything unexpected becomes `internal` (the broker server words that one).
 */
export function asBrokerError(error: unknown): unknown {
  if (error instanceof BrokerError || !(error instanceof TuneBridgeError)) return error;
  const retry = error instanceof HostError ? error.retryAfterSeconds : undefined;
  const code = ErrorCode.safeParse(error.code);
  return new BrokerError(code.success ? code.data : 'internal', error.message, retry, {
    cause: error,
  });
}

/** A failed provider call, as the bridge hears it: login needed, not connected, or ours. */
export function toBrokerError(error: unknown, provider: ProviderId): BrokerError {
  if (error instanceof BrokerError) return error;
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : 'Unknown error.';
  if (code === 'needs_login' || code === 'invalid_grant')
    return new BrokerError('needs_login', message);
  if (code === 'not_connected') return new BrokerError('provider_not_connected', message);
  if (code === 'upstream_unavailable') return new BrokerError('upstream_unavailable', message);
  return new BrokerError(
    'internal',
    `TuneBridge could not complete the ${PROVIDER_NAMES[provider]} request. Try again; if it keeps failing, check TuneBridge's Activity view.`,
    undefined,
    { cause: error },
  );
}
