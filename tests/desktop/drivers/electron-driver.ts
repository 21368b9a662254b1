import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { launchEnv, type DesktopDriver, type LaunchSettings, type TrayView } from './driver.js';

interface TraySnapshotLike {
  state: string | undefined;
  items: ({ kind: 'separator' } | { kind: 'item' | 'checkbox'; label: string; enabled: boolean })[];
}
type TestGlobals = typeof globalThis & {
  __tunebridgeTray?: { snapshot(): TraySnapshotLike; activate(label: string): boolean };
  __openedExternally?: string[];
};

/**
 * The real Electron, through Playwright's Electron support. A development run exposes its tray
 * as data on `globalThis.__tunebridgeTray` (Playwright can evaluate in the main process but
 * cannot reach a Tray), and `shell.openExternal` is replaced so consent pages open in the test's
 * browser rather than the machine's.
 */
export class ElectronDriver implements DesktopDriver {
  readonly name = 'Electron';
  #exit: Promise<number | null> = Promise.resolve(null);
  #running = true;

  private constructor(private readonly electronApp: ElectronApplication) {
    const child = electronApp.process();
    this.#exit = new Promise((resolve) =>
      child.once('exit', (code) => {
        this.#running = false;
        resolve(code);
      }),
    );
  }

  static async launch(settings: LaunchSettings, executablePath: string): Promise<ElectronDriver> {
    const electronApp = await _electron.launch({
      executablePath,
      args: [join(settings.distDir, 'electron', 'main.js')],
      env: launchEnv(settings),
    });
    await electronApp.evaluate(({ shell }) => {
      const globals = globalThis as TestGlobals;
      globals.__openedExternally = [];
      shell.openExternal = async (url: string) => {
        globals.__openedExternally?.push(url);
      };
    });
    return new ElectronDriver(electronApp);
  }

  async window(): Promise<Page> {
    for (;;) {
      for (const page of this.electronApp.windows()) {
        if (page.url().startsWith('app://')) {
          await page.waitForLoadState('load');
          return page;
        }
      }
      await this.electronApp.waitForEvent('window');
    }
  }
  windowUrl(): Promise<string | undefined> {
    return this.electronApp.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.webContents.getURL(),
    );
  }
  windowCount(): Promise<number> {
    return this.electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
  }
  async tray(): Promise<TrayView> {
    const snapshot = await this.electronApp.evaluate(() =>
      (globalThis as TestGlobals).__tunebridgeTray?.snapshot(),
    );
    return {
      state: snapshot?.state,
      items: (snapshot?.items ?? []).flatMap((item) =>
        item.kind === 'separator' ? [] : [{ label: item.label, enabled: item.enabled }],
      ),
    };
  }
  chooseTray(label: string): Promise<boolean> {
    return this.electronApp.evaluate(
      (_electron, chosen) =>
        (globalThis as TestGlobals).__tunebridgeTray?.activate(chosen) ?? false,
      label,
    );
  }
  async closeWindow(): Promise<void> {
    await this.electronApp.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.close(),
    );
  }
  openedExternally(): Promise<string[]> {
    return this.electronApp.evaluate(() => [
      ...((globalThis as TestGlobals).__openedExternally ?? []),
    ]);
  }
  running(): boolean {
    return this.#running;
  }
  exited(): Promise<number | null> {
    return this.#exit;
  }
  async kill(): Promise<void> {
    if (this.#running) this.electronApp.process().kill('SIGKILL');
    await this.#exit;
  }
}
