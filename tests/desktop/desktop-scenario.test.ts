import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { launchChromium } from '../helpers/browser.js';
import type { DesktopDriver, LaunchSettings } from './drivers/driver.js';
import { ElectronDriver } from './drivers/electron-driver.js';
import { StandInDriver } from './drivers/stand-in-driver.js';
import {
  assistantCallShowsInActivity,
  closingLeavesTheTray,
  connectsClaudeDesktop,
  connectsSpotify,
  opensOnAccounts,
  quitStopsTheHost,
  trayNeedsAttention,
  trayPausesEveryone,
  type ScenarioContext,
} from './scenario.js';
import { testHome, type TestHome } from './setup.js';

const electronBinary = findElectronBinary();
const NO_BINARY =
  'skipped: the Electron binary is not on this machine (node_modules/electron/dist); the ' +
  'stand-in run below covers the same scenario';

const drivers: {
  title: string;
  available: boolean;
  launch: (settings: LaunchSettings) => Promise<DesktopDriver>;
}[] = [
  {
    title: 'the desktop scenario on the Electron stand-in',
    available: true,
    launch: async (settings) => StandInDriver.launch(settings),
  },
  {
    title: `the desktop scenario on the real Electron${electronBinary ? '' : ` (${NO_BINARY})`}`,
    available: electronBinary !== undefined,
    launch: (settings) => ElectronDriver.launch(settings, electronBinary ?? ''),
  },
];

for (const { title, available, launch } of drivers) {
  describe.skipIf(!available)(title, { timeout: 60_000 }, () => {
    let home: TestHome;
    let browser: Browser;
    let context: ScenarioContext;
    let page: Page;

    beforeAll(async () => {
      home = testHome();
      browser = await launchChromium();
      const driver = await launch(home.settings);
      context = { driver, browser, home: home.settings.home, dataDir: home.settings.dataDir };
    });
    afterAll(async () => {
      await context?.driver.kill();
      await browser?.close();
      home?.cleanup();
    });

    it('opens the window on app://, Accounts in sandbox mode, the tray asking for a login', async () => {
      page = await opensOnAccounts(context);
    });
    it('connects Spotify through the consent page in the default browser', () =>
      connectsSpotify(context, page));
    it('connects Claude Desktop, writing its config under HOME', () =>
      connectsClaudeDesktop(context, page));
    it('the bridge (--mcp-bridge) answers tools/list, and its call appears in Activity', () =>
      assistantCallShowsInActivity(context, page));
    it('the tray pauses and resumes every assistant', () => trayPausesEveryone(context, page));
    it('the tray needs attention after repeated failed sign-ins, until the window is opened', () =>
      trayNeedsAttention(context));
    it('closing the window leaves the app in the tray', () => closingLeavesTheTray(context));
    it('Quit stops the host and removes the socket', () => quitStopsTheHost(context));
  });
}
