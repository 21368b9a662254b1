import Conf, { type Options as ConfOptions } from 'conf';
import { basename, dirname, extname } from 'node:path';
import type { z } from 'zod';
import { ensurePrivateDirSync } from '../fs/atomic-write.js';
import { locateJsonError } from './json-error-location.js';
import { SettingsError } from './settings-error.js';
import { Settings, SETTINGS_VERSION, defaultSettings } from './settings-schema.js';

export { SettingsError, type SettingsErrorCode } from './settings-error.js';

/**
 * Builds the conf instance behind the store from the options SettingsStore chose. The headless
 * host uses conf itself; the desktop shell passes one that builds an electron-store (a conf
 * subclass), so both read and write the same file with the same schema, mode and checks.
 */
export type SettingsBackend = (
  options: Partial<ConfOptions<Record<string, unknown>>>,
) => Conf<Record<string, unknown>>;

export interface SettingsStoreOptions {
  backend?: SettingsBackend;
}

const LEAVE_IT =
  'TuneBridge has not changed the file. Fix it by hand, or move it aside to start again with ' +
  'default settings (you would then connect your accounts and assistants again).';

/**
 * Non-secret settings in one JSON file (0600, in a 0700 folder), read fresh on every call so an
 * edit by hand or by another TuneBridge process is seen. A file that does not parse or does not
 * validate is reported and never written over.
 */
export class SettingsStore {
  readonly path: string;
  #conf: Conf<Record<string, unknown>> | undefined;
  readonly #backend: SettingsBackend;

  constructor(file: string, options: SettingsStoreOptions = {}) {
    this.path = file;
    this.#backend = options.backend ?? ((confOptions) => new Conf(confOptions));
  }

  /** Opens and reads the file once, so a broken file is reported at start-up. */
  static open(file: string, options: SettingsStoreOptions = {}): SettingsStore {
    const store = new SettingsStore(file, options);
    store.read();
    return store;
  }

  /** The current settings; defaults when the file does not exist yet (nothing is written). */
  read(): Settings {
    const stored = this.#store().store;
    // conf yields an empty object only for a missing file: an empty file on disk fails validation.
    if (Object.keys(stored).length === 0) return defaultSettings();
    return Settings.parse({ ...stored });
  }

  /** Applies `change` to fresh settings, validates the result and writes it atomically. */
  update(change: (settings: Settings) => Settings): Settings {
    const next = Settings.safeParse(change(this.read()));
    if (!next.success) {
      throw new SettingsError(
        'settings_rejected',
        `TuneBridge refused to save settings that fail its own checks (${describeIssues(next.error)}). ` +
          'Nothing was written; please report this as a bug.',
      );
    }
    try {
      this.#store().store = next.data;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      throw new SettingsError(
        'settings_io',
        `Could not write ${this.path} (${code}). Check that its folder is yours and has free space.`,
        { cause: error },
      );
    }
    return next.data;
  }

  #store(): Conf<Record<string, unknown>> {
    if (this.#conf) return this.#conf;
    ensurePrivateDirSync(dirname(this.path));
    const extension = extname(this.path);
    this.#conf = this.#backend({
      cwd: dirname(this.path),
      configName: basename(this.path, extension),
      fileExtension: extension.slice(1),
      configFileMode: 0o600,
      // conf would otherwise replace a broken file with an empty one, losing the person's clients.
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      serialize: (value) => `${JSON.stringify(value, null, 2)}\n`,
      // Validating here means conf itself never works from a file we would reject.
      deserialize: (text) => this.#parse(text),
    });
    return this.#conf;
  }

  #parse(text: string): Record<string, unknown> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const at = locateJsonError(text);
      const where = at
        ? `${at.problem} at line ${at.line}, column ${at.column}`
        : 'it does not parse';
      throw new SettingsError(
        'settings_malformed',
        `${this.path} is not valid JSON: ${where}. ${LEAVE_IT}`,
      );
    }
    const version = (json as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > SETTINGS_VERSION) {
      throw new SettingsError(
        'settings_malformed',
        `${this.path} was written by a newer TuneBridge (settings version ${version}). ` +
          'Update TuneBridge to use it; this version has not changed the file.',
      );
    }
    const parsed = Settings.safeParse(json);
    if (!parsed.success) {
      throw new SettingsError(
        'settings_malformed',
        `${this.path} does not hold valid TuneBridge settings (${describeIssues(parsed.error)}). ${LEAVE_IT}`,
      );
    }
    return parsed.data;
  }
}

/** The first few problems as "path: message"; settings hold no secrets, and zod omits values. */
function describeIssues(error: z.ZodError): string {
  const shown = error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}
