import { TuneBridgeError } from '../errors.js';

/**
 * settings_malformed: the file on disk is not valid JSON or not valid settings; it is left alone.
 * settings_rejected: a change would have produced invalid settings; nothing was written.
 * settings_io: the file could not be written.
 */
export type SettingsErrorCode = 'settings_malformed' | 'settings_rejected' | 'settings_io';

export class SettingsError extends TuneBridgeError<SettingsErrorCode> {}
