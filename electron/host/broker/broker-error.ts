import { ErrorCode } from '../../../protocol/error-codes.js';
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
