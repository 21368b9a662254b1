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
