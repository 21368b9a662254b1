import { TuneBridgeError } from '../errors.js';

/**
 * config_malformed: not valid JSON or TOML (line and column say where); config_shape: valid JSON of a shape
 * we will not guess about; config_read_only / config_unwritable: the file or its folder refuses
 * writes; config_busy: something kept rewriting the file while we tried; config_link: the file is a
 * symbolic link to somewhere TuneBridge does not follow. In every case the file is left exactly as
 * it was.
 */
export type ClientConfigErrorCode =
  | 'config_malformed'
  | 'config_shape'
  | 'config_read_only'
  | 'config_unwritable'
  | 'config_busy'
  | 'config_link';

export interface ClientConfigErrorDetails {
  path: string;
  line?: number;
  column?: number;
  problem?: string;
}

export class ClientConfigError extends TuneBridgeError<ClientConfigErrorCode> {
  constructor(
    code: ClientConfigErrorCode,
    message: string,
    readonly details: ClientConfigErrorDetails,
    options?: ErrorOptions,
  ) {
    super(code, message, options);
  }

  /** The message plus the entry to paste by hand, for when we may not write the file. */
  withSnippet(snippet: string): string {
    return (
      `${this.message}\n\nTo add TuneBridge by hand, merge this into the file, with the key that ` +
      '`tunebridge connect print` prints in place of the placeholder:\n\n' +
      `${snippet}\n`
    );
  }
}
