import type { ErrorCode } from '../../protocol/error-codes.js';

/**
 * Base for every error the host raises on purpose. `code` is for programs; `message` is for the
 * person and always says what to do next. Messages never contain a token or secret.
 */
export class TuneBridgeError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * An error from the person's operations (electron/host/operations.ts), with one of the codes in
 * protocol/error-codes.ts; the window shows its message, the broker sends it as an `error` frame.
 */
export class HostError extends TuneBridgeError<ErrorCode> {
  constructor(
    code: ErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
    options?: ErrorOptions,
  ) {
    super(code, message, options);
  }
}
