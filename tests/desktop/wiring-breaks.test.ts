import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/csp.js';
import { HOST_API_CHANNEL } from '../../electron/shell/channels.js';
import { launchChromium } from '../helpers/browser.js';
import { StandInDriver } from './drivers/stand-in-driver.js';
import { mutantBuild } from './mutant-build.js';
import { opensOnAccounts, type ScenarioContext } from './scenario.js';
import { testHome } from './setup.js';

/**
 * The scenario is only worth running on the stand-in if it notices when the shell's wiring
 * breaks. Each case builds a copy of the app with one defect, runs the scenario's first step
 * (the window opens on Accounts in sandbox mode) and expects it to fail, for the right reason.
 * The first case runs an unchanged copy, so the copying itself is known to be harmless.
 */
const STEP_TIMEOUT_MS = 8_000;

async function firstStep(
  browser: Browser,
  name: string,
  replace?: { from: string; to: string },
): Promise<{ outcome: 'passed' | Error; stderr: string; bodyText: string }> {
  const build = mutantBuild(name, replace);
  const home = testHome(build.distDir);
  const driver = StandInDriver.launch(home.settings);
  const context: ScenarioContext = {
    driver,
    browser,
    home: home.settings.home,
    dataDir: home.settings.dataDir,
  };
  try {
    const page = await driver.window();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const outcome = await opensOnAccounts(context).then(
      () => 'passed' as const,
      (error: Error) => error,
    );
    const bodyText = await page.locator('body').innerText();
    return { outcome, stderr: driver.stderr, bodyText };
  } finally {
    await driver.kill();
    home.cleanup();
    build.remove();
  }
}

// Each case starts the app and waits out one failing step; on a loaded machine that is slow.
// The cases are independent (a build copy, a home and an app each), so they run side by side.
describe.concurrent(
  'the stand-in scenario fails when the shell’s wiring breaks',
  { timeout: 90_000 },
  () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('an unchanged copy of the build passes the first step', async () => {
      const { outcome } = await firstStep(browser, 'unchanged');
      expect(outcome).toBe('passed');
    });

    it('a wrong preload path: no window.tunebridge, the window never reaches the host', async () => {
      const { outcome, stderr } = await firstStep(browser, 'preload-path', {
        from: '"preload.cjs"',
        to: '"preload.js"',
      });
      expect(outcome).toBeInstanceOf(Error);
      expect(stderr).toMatch(/Unable to load preload script: .*preload\.js/);
    });

    it('a renamed IPC channel: the preload’s calls find no handler', async () => {
      const { outcome, stderr, bodyText } = await firstStep(browser, 'ipc-channel', {
        from: `"${HOST_API_CHANNEL}"`,
        to: `"${HOST_API_CHANNEL}-renamed"`,
      });
      expect(outcome).toBeInstanceOf(Error);
      expect(stderr).not.toMatch(/Unable to load preload/);
      expect(bodyText).toMatch(/No handler registered for 'tunebridge:host-api'|TuneBridge/);
    });

    it('a CSP that blocks the bundle: the page stays empty', async () => {
      expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
      const { outcome, bodyText } = await firstStep(browser, 'csp', {
        from: "script-src 'self'",
        to: "script-src 'none'",
      });
      expect(outcome).toBeInstanceOf(Error);
      // React never ran: nothing but the page's static shell.
      expect(bodyText).not.toMatch(/Accounts/);
    });
  },
);
