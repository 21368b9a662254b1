import type { Browser, Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_API_CHANNEL } from '../../electron/shell/channels.js';
import { launchChromium } from '../helpers/browser.js';
import { StandInDriver } from './drivers/stand-in-driver.js';
import { eventually, opensOnAccounts } from './scenario.js';
import { testHome, type TestHome } from './setup.js';

const BARE_MAIN = fileURLToPath(new URL('./fixtures/bare-main.ts', import.meta.url));

/** What the page can try, each answering with what happened. */
const attempts = {
  navigateAway: (page: Page, url: string) =>
    Promise.all([
      page.waitForEvent('requestfailed', (request) => request.url().startsWith(url)),
      page.evaluate((target) => {
        location.href = target;
      }, url),
    ]).then(([request]) => request.failure()?.errorText),
  windowOpen: (page: Page, url: string) =>
    page.evaluate((target) => window.open(target) === null, url),
  notificationPermission: (page: Page) => page.evaluate(() => Notification.requestPermission()),
  camera: (page: Page) =>
    page.evaluate(() =>
      navigator.mediaDevices.getUserMedia({ video: true }).then(
        () => 'granted',
        (error: DOMException) => error.name,
      ),
    ),
  clipboardWrite: (page: Page) =>
    page.evaluate(() =>
      navigator.clipboard.writeText('copied').then(
        () => 'written',
        (error: DOMException) => error.name,
      ),
    ),
};

/**
 * Each hardening the shell relies on, tried from inside the real app's window on the stand-in:
 * refused as Electron would refuse it. The bare app (no handlers) shows the stand-in lets each
 * through when nothing refuses, so the refusals come from the shell's own handlers.
 */
describe(
  'the stand-in refuses what Electron refuses, because the shell asks it to',
  { timeout: 60_000 },
  () => {
    let home: TestHome;
    let browser: Browser;
    let driver: StandInDriver;
    let page: Page;

    beforeAll(async () => {
      home = testHome();
      browser = await launchChromium();
      driver = StandInDriver.launch(home.settings);
      page = await opensOnAccounts({
        driver,
        browser,
        home: home.settings.home,
        dataDir: home.settings.dataDir,
      });
    });
    afterAll(async () => {
      await driver?.kill();
      await browser?.close();
      home?.cleanup();
    });

    it('navigation away from app:// is cancelled and the window stays on the UI', async () => {
      expect(await attempts.navigateAway(page, 'https://example.invalid/')).toBe(
        'net::ERR_ABORTED',
      );
      expect(await driver.windowUrl()).toBe('app://tunebridge/index.html');
    });

    it('window.open makes no window and hands nothing but consent pages to the browser', async () => {
      expect(await attempts.windowOpen(page, 'https://example.invalid/phish')).toBe(true);
      expect(await driver.windowCount()).toBe(1);
      expect(await driver.openedExternally()).toEqual([]);
    });

    it('permission requests are refused, except the clipboard write for our own main frame', async () => {
      expect(await attempts.notificationPermission(page)).toBe('denied');
      expect(await attempts.camera(page)).toBe('NotAllowedError');
      expect(await attempts.clipboardWrite(page)).toBe('written');
    });

    it('IPC from another frame of our window is refused with a clean error', async () => {
      const answer = await driver.ipcFromSubframe(HOST_API_CHANNEL, { op: 'status' });
      expect(answer.value).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await eventually(
        async () => driver.stderr,
        (text) => text.includes('refused a host-API message: the message came from a subframe'),
      );
    });

    it('the same attempts go through in an app that installs no handlers', async () => {
      const bareHome = testHome();
      const bare = StandInDriver.launch(bareHome.settings, BARE_MAIN);
      try {
        const barePage = await bare.window();
        expect(await attempts.notificationPermission(barePage)).toBe('granted');
        expect(await attempts.clipboardWrite(barePage)).toBe('written');
        expect(await attempts.windowOpen(barePage, 'app://bare/popup')).toBe(true);
        await eventually(
          () => bare.windowCount(),
          (count) => count === 2,
        );
        // The page sees app:// under its carried https name (see url-map.ts), so it navigates there.
        await Promise.all([
          barePage.waitForURL(/\/elsewhere$/),
          barePage.evaluate(() => {
            location.href = `${location.origin}/elsewhere`;
          }),
        ]);
        // The main process hears of the navigation a moment after the page has it.
        const url = await eventually(
          () => bare.windowUrl(),
          (current) => current !== 'app://bare/index.html',
        );
        expect(url).toBe('app://bare/elsewhere');
      } finally {
        await bare.kill();
        bareHome.cleanup();
      }
    });
  },
);
