import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ELECTRON_FUSES } from '../../electron/shell/fuses.js';

const builderConfig = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<
  string,
  unknown
>;

describe('Electron fuses', () => {
  it('turn off every way to run the app as something else', () => {
    expect(ELECTRON_FUSES.runAsNode).toBe(false);
    expect(ELECTRON_FUSES.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(ELECTRON_FUSES.enableNodeCliInspectArguments).toBe(false);
    expect(ELECTRON_FUSES.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('turn on integrity and encryption', () => {
    expect(ELECTRON_FUSES.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(ELECTRON_FUSES.onlyLoadAppFromAsar).toBe(true);
    expect(ELECTRON_FUSES.enableCookieEncryption).toBe(true);
  });

  it('cover every fuse in this Electron’s fuse wire', () => {
    // @electron/fuses' FuseV1Options enum lists the fuses Electron knows.
    const require = createRequire(import.meta.url);
    const { FuseV1Options } = require('@electron/fuses') as {
      FuseV1Options: Record<string, unknown>;
    };
    const known = Object.keys(FuseV1Options)
      .filter((key) => Number.isNaN(Number(key)))
      .map((key) => key[0]!.toLowerCase() + key.slice(1));
    expect(Object.keys(ELECTRON_FUSES).sort()).toEqual(known.sort());
  });

  it('are what electron-builder.yml flips', () => {
    expect(builderConfig.electronFuses).toEqual({ ...ELECTRON_FUSES });
  });
});

describe('electron-builder.yml', () => {
  it('matches electron-builder’s own schema', async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    await expect(
      validateConfiguration(builderConfig, new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('packages the bundles in an asar and builds dmg, nsis, AppImage and deb', () => {
    expect(builderConfig.asar).toBe(true);
    expect(builderConfig.files).toContain('dist/**');
    expect(builderConfig.extraMetadata).toEqual({ main: 'dist/electron/main.js' });
    expect((builderConfig.mac as { target: string[] }).target).toEqual(['dmg']);
    expect((builderConfig.win as { target: string[] }).target).toEqual(['nsis']);
    expect((builderConfig.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
  });
});
