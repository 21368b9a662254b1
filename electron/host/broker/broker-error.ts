import type { BrokerErrorCode } from '../../../protocol/broker.js';
import { TuneBridgeError } from '../errors.js';

/** An error the broker answers with on the wire; its message is written for the person. */
export class BrokerError extends TuneBridgeError<BrokerErrorCode> {
  constructor(
    code: BrokerErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
    options?: ErrorOptions,
  ) {
    super(code, message, options);
  }
}
