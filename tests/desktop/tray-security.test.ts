import { describe, expect, it } from 'vitest';
import { StandInDriver } from './drivers/stand-in-driver.js';
import { eventually } from './scenario.js';
import { testHome } from './setup.js';

const CONFIRM = 'Lock down TuneBridge?';

/**
 * The tray's security line (the host's `security.overview` summary) and Lock down, in the real
 * built main process on the stand-in: one confirmation, then `security.lockdown`.
 */
describe('the tray security line and Lock down', () => {
  it('shows the summary and locks down after one confirmation', { timeout: 60_000 }, async () => {
    const home = testHome();
    const driver = StandInDriver.launch(home.settings);
    try {
      const tray = await eventually(
        () => driver.tray(),
        (view) => view.items.some((item) => item.label.startsWith('Last 24 h:')),
      );
      expect(tray.items.find((item) => item.label.startsWith('Last 24 h:'))?.label).toBe(
        'Last 24 h: 0 tool calls, 0 refusals, 0 failed sign-ins — nothing unusual',
      );

      // Closing the box cancels: nothing runs and nothing more is shown.
      expect(await driver.chooseTray('Lock down…')).toBe(true);
      await eventually(
        () => driver.dialogs(),
        (shown) => shown.includes(CONFIRM),
      );

      await driver.answerNextDialog('Lock down');
      expect(await driver.chooseTray('Lock down…')).toBe(true);
      const shown = await eventually(
        () => driver.dialogs(),
        (list) => list.length >= 3,
      );
      expect(shown.filter((message) => message === CONFIRM)).toHaveLength(2);
      expect(shown[1]).toBe(CONFIRM);
      expect(shown[2]).toMatch(/^(TuneBridge is locked down\.|Lock down did not finish)/);
    } finally {
      await driver.kill();
      home.cleanup();
    }
  });
});
