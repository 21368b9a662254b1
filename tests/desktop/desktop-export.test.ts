import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { StandInDriver } from './drivers/stand-in-driver.js';
import { connectsSpotify, eventually, opensOnAccounts, type ScenarioContext } from './scenario.js';
import { testHome, type TestHome } from './setup.js';

/**
 * Export in the desktop window, in the built main process on the stand-in: the page's Blob goes
 * through the shell's `will-download` handler to a save dialog that opens in Downloads under the
 * export's name, and a download that isn't the page's own Blob is cancelled.
 */
describe('export in the desktop window', { timeout: 60_000 }, () => {
  let home: TestHome;
  let browser: Browser;
  let driver: StandInDriver;
  let context: ScenarioContext;

  beforeAll(async () => {
    home = testHome();
    browser = await launchChromium();
    driver = StandInDriver.launch(home.settings);
    context = { driver, browser, home: home.settings.home, dataDir: home.settings.dataDir };
  });
  afterAll(async () => {
    await driver?.kill();
    await browser?.close();
    home?.cleanup();
  });

  it('hands a playlist export to a save dialog in Downloads, under the export’s name', async () => {
    const page = await opensOnAccounts(context);
    await connectsSpotify(context, page);
    const panel = page.locator('article[data-provider="spotify"] .export-panel');
    await panel.locator('summary', { hasText: 'Export…' }).click();
    const option = panel.getByLabel('What to export').locator('option').nth(1);
    await option.waitFor({ state: 'attached' });
    const listed = Number(/\((\d+)\)$/.exec((await option.textContent()) ?? '')?.[1]);
    await panel.getByLabel('What to export').selectOption({ index: 1 });
    await panel.getByLabel('Format').selectOption('csv');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export' }).click(),
    ]);

    const [saved] = await eventually(
      async () => (await driver.state()).downloads,
      (downloads) => downloads.length > 0,
    );
    expect(saved).toEqual({
      url: expect.stringMatching(/^blob:app:\/\/tunebridge\//),
      fileName: file.suggestedFilename(),
      saveDialogPath: join(home.settings.home, 'Downloads', file.suggestedFilename()),
      cancelled: false,
    });
    expect(file.suggestedFilename()).toMatch(/^[\p{L}\p{N}-]+\.csv$/u);
    const lines = (await readFile(await file.path(), 'utf8')).split('\n');
    expect(lines[0]).toBe('title,artists,album,duration_ms,isrc,release_date,added_at,url');
    expect(lines).toHaveLength(listed + 1);
  });

  it('cancels a download that is not a Blob of the window’s own page', async () => {
    const page = await driver.window();
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'data:text/plain,not%20ours';
      link.download = 'elsewhere.txt';
      document.body.append(link);
      link.click();
      link.remove();
    });
    const downloads = await eventually(
      async () => (await driver.state()).downloads,
      (records) => records.some((record) => record.fileName === 'elsewhere.txt'),
    );
    expect(downloads.find((record) => record.fileName === 'elsewhere.txt')).toEqual({
      url: 'data:text/plain,not%20ours',
      fileName: 'elsewhere.txt',
      cancelled: true,
    });
  });
});
