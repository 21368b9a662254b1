import Conf from 'conf';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SettingsStore,
  type SettingsBackend,
} from '../../electron/host/settings/settings-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tb-settings-backend-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * electron-store is a conf subclass that only adds Electron defaults (cwd = userData); it needs
 * the Electron runtime to construct, so a plain conf subclass stands in for it here.
 */
class StandInElectronStore extends Conf<Record<string, unknown>> {}

describe('SettingsStore with the desktop shell’s backend seam', () => {
  it('hands the backend conf options that keep the file, mode and checks', async () => {
    const seen: Parameters<SettingsBackend>[0][] = [];
    const backend: SettingsBackend = (options) => {
      seen.push(options);
      return new StandInElectronStore(options);
    };
    const file = join(dir, 'home', 'settings.json');
    const store = SettingsStore.open(file, { backend });
    store.update((settings) => ({ ...settings, secretStore: 'keyring' }));

    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      cwd: join(dir, 'home'),
      configName: 'settings',
      fileExtension: 'json',
      configFileMode: 0o600,
      clearInvalidConfig: false,
    });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      version: 1,
      secretStore: 'keyring',
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // The headless host's default backend reads what the shell's wrote: one file, one schema.
    expect(new SettingsStore(file).read().secretStore).toBe('keyring');
  });

  it('still refuses a broken file through the backend', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, '{"version": 1, "clients": [}');
    expect(() =>
      SettingsStore.open(file, { backend: (options) => new StandInElectronStore(options) }),
    ).toThrow(/not valid JSON/);
    expect(await readFile(file, 'utf8')).toBe('{"version": 1, "clients": [}');
  });
});
