import { TuneBridgeError } from '../errors.js';

export type FsErrorCode = 'not_a_directory' | 'not_owned';

export class FsError extends TuneBridgeError<FsErrorCode> {}
