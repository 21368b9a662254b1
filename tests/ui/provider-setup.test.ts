import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPaths } from '../../protocol/data-folder.js';
import { launchChromium } from '../helpers/browser.js';
import { serveUi, type ServedUi } from './serve-ui.js';

const SPOTIFY_ID = '0123456789abcdef0123456789abcdef';
const SCREENSHOTS = process.env.TUNEBRIDGE_SETUP_SCREENSHOTS;

/**
 * Accounts: first run guides the person through bringing their own client ID. In
 * Chromium against `tunebridge serve --sandbox`: the dashboard link, the exact redirect URI with
 * a copy button, a wrong client ID refused with the rule, a right one saved with the restart
 * message, and the ID in settings.json.
 */
describe('bringing your own app, in the window', () => {
  let ui: ServedUi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ui = await serveUi();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ui.origin });
    page = await context.newPage();
    await page.goto(ui.openingUrl);
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor({ timeout: 8_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
  });

  const spotifyCard = () => page.locator('article[data-provider="spotify"]');
  const panel = () => page.getByRole('region', { name: 'Use your own Spotify app' });

  it('says where the logins are kept', async () => {
    await page
      .locator('.storage-note', { hasText: 'Where TuneBridge keeps your logins' })
      .waitFor({ timeout: 8_000 });
    // This store is the OS keyring, which needs no warning.
    expect(await page.locator('.storage-warning').count()).toBe(0);
  });

  it('opens from "Use your own app" in sandbox mode, with the dashboard and the exact redirect URI', async () => {
    await spotifyCard().getByRole('button', { name: 'Use your own Spotify app' }).click();
    await panel().waitFor({ timeout: 8_000 });
    const link = panel().getByRole('link', { name: 'https://developer.spotify.com/dashboard' });
    expect(await link.getAttribute('href')).toBe('https://developer.spotify.com/dashboard');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await panel().locator('.redirect-uri').textContent()).toBe('http://127.0.0.1/callback');
    // The client ID field has its label and takes focus when the person opens the panel.
    const input = panel().getByLabel('Spotify client ID');
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);

    await panel().getByRole('button', { name: 'Copy redirect URI' }).click();
    await panel().getByRole('button', { name: 'Copied' }).waitFor({ timeout: 8_000 });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'http://127.0.0.1/callback',
    );
  });

  it('refuses a client ID that cannot be right, saying what it should look like', async () => {
    const input = panel().getByLabel('Spotify client ID');
    await input.fill('my-client-secret-maybe');
    await panel().getByRole('button', { name: 'Save' }).click();
    const error = panel().getByRole('alert');
    await error.filter({ hasText: 'not a Spotify client ID' }).waitFor({ timeout: 8_000 });
    expect(await error.textContent()).toMatch(
      /That is not a Spotify client ID: it should be 32 characters, digits 0–9 and letters a–f\./,
    );
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    // Nothing reached the host.
    const settings = await readFile(hostPaths(ui.home).settingsFile, 'utf8').catch(() => '');
    expect(settings).not.toContain('my-client-secret-maybe');
  });

  it('saves a right one and says to restart to leave sandbox mode', async () => {
    const input = panel().getByLabel('Spotify client ID');
    await input.fill(` ${SPOTIFY_ID} `);
    expect(await panel().getByRole('alert').textContent()).toBe('');
    await panel().getByRole('button', { name: 'Save' }).click();
    const outcome = spotifyCard().locator('.setup-outcome');
    await outcome
      .filter({ hasText: 'Saved — restart TuneBridge to leave sandbox mode' })
      .waitFor({ timeout: 8_000 });
    expect(await outcome.textContent()).toMatch(
      /restart TuneBridge \(quit it, then run npm start\)/,
    );

    const settings = JSON.parse(await readFile(hostPaths(ui.home).settingsFile, 'utf8')) as {
      providers: Record<string, { clientId?: string }>;
    };
    expect(settings.providers.spotify?.clientId).toBe(SPOTIFY_ID);

    // Still true after a reload: the host's status says the client ID waits for a restart.
    await page.reload();
    await spotifyCard()
      .locator('.setup-outcome', { hasText: 'Saved — restart TuneBridge' })
      .waitFor({ timeout: 8_000 });
    expect(await spotifyCard().locator('.setup-outcome').textContent()).toContain(SPOTIFY_ID);
  });

  it('shows TIDAL’s redirect URI with its port, following the port field', async () => {
    const tidal = page.locator('article[data-provider="tidal"]');
    await tidal.getByRole('button', { name: 'Use your own TIDAL app' }).click();
    const tidalPanel = page.getByRole('region', { name: 'Use your own TIDAL app' });
    expect(await tidalPanel.locator('.redirect-uri').textContent()).toBe(
      'http://127.0.0.1:8765/callback',
    );
    await tidalPanel.getByLabel('Redirect port').fill('9123');
    expect(await tidalPanel.locator('.redirect-uri').textContent()).toBe(
      'http://127.0.0.1:9123/callback',
    );
    if (SCREENSHOTS) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.screenshot({ path: `${SCREENSHOTS}/setup-${colorScheme}.png`, fullPage: true });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
    await tidalPanel.getByLabel('Redirect port').fill('80');
    await tidalPanel
      .getByText('The redirect port must be a whole number from 1024 to 65535')
      .waitFor({ timeout: 8_000 });
    await tidal.getByRole('button', { name: 'Cancel' }).click();
    await tidal.getByRole('button', { name: 'Use your own TIDAL app' }).waitFor({ timeout: 8_000 });
  });
});
