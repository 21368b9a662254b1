import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StandInDriver } from './drivers/stand-in-driver.js';
import { eventually } from './scenario.js';
import { testHome, type TestHome } from './setup.js';

// Seeded, so every run serves the same bytes.
const UPDATE_BYTES = Buffer.from('TuneBridge 9.9.9 AppImage stand-in payload\n'.repeat(64));
const SHA512 = createHash('sha512').update(UPDATE_BYTES).digest('base64');

/** latest-linux.yml, as electron-builder writes it for a generic provider. */
function feed(version: string): string {
  const file = `TuneBridge-${version}.AppImage`;
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${SHA512}`,
    `    size: ${UPDATE_BYTES.length}`,
    `path: ${file}`,
    `sha512: ${SHA512}`,
    "releaseDate: '2026-11-30T00:00:00.000Z'",
    '',
  ].join('\n');
}

/**
 * The updater in the real built main process (electron-updater, its real HTTP client and
 * checksum check) against a local generic-provider feed, on the stand-in: a newer version is
 * downloaded and the tray offers "Restart to update"; an older one is never offered.
 */
describe('updates from a local feed', () => {
  let server: Server;
  let version = '9.9.9';
  const served: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      served.push(request.url ?? '');
      if (request.url?.startsWith('/latest-linux.yml')) {
        response.writeHead(200, { 'Content-Type': 'text/yaml' }).end(feed(version));
      } else if (request.url?.startsWith(`/TuneBridge-${version}.AppImage`)) {
        response.writeHead(200, { 'Content-Length': UPDATE_BYTES.length }).end(UPDATE_BYTES);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const launch = (home: TestHome) => {
    const port = (server.address() as AddressInfo).port;
    const config = join(home.settings.home, 'dev-app-update.yml');
    writeFileSync(
      config,
      `provider: generic\nurl: http://127.0.0.1:${port}/\nupdaterCacheDirName: tunebridge-updater\n`,
    );
    // The installed AppImage the update would replace (only its path matters until a restart).
    const appImage = join(home.settings.home, 'TuneBridge.AppImage');
    writeFileSync(appImage, 'old', { mode: 0o755 });
    home.settings.extraEnv = { TUNEBRIDGE_DEV_UPDATE_CONFIG: config, APPIMAGE: appImage };
    return StandInDriver.launch(home.settings);
  };

  it(
    'downloads a newer version and offers "Restart to update" in the tray',
    { timeout: 90_000 },
    async () => {
      version = '9.9.9';
      const home = testHome();
      const driver = launch(home);
      try {
        const tray = await eventually(
          async () => {
            if (/checking for updates failed/.test(driver.stderr)) throw new Error(driver.stderr);
            return driver.tray();
          },
          (view) => view.items.some((item) => item.label === 'Restart to update (9.9.9)'),
        );
        expect(tray.items.find((item) => item.label.startsWith('Restart'))?.enabled).toBe(true);
        expect(served.some((url) => url.startsWith('/TuneBridge-9.9.9.AppImage'))).toBe(true);
      } finally {
        await driver.kill();
        home.cleanup();
      }
    },
  );

  it('never offers an older version', { timeout: 90_000 }, async () => {
    version = '0.0.1';
    served.length = 0;
    const home = testHome();
    const driver = launch(home);
    try {
      await eventually(
        async () => driver.stderr,
        (text) => /TuneBridge \S+ is up to date\./.test(text),
      );
      expect(served.some((url) => url.includes('.AppImage'))).toBe(false);
      const tray = await driver.tray();
      expect(tray.items.some((item) => item.label.startsWith('Restart to update'))).toBe(false);
    } finally {
      await driver.kill();
      home.cleanup();
    }
  });
});
