import { Notification, app, dialog, session } from 'electron';
import { join } from 'node:path';
import { dataDir } from '../../protocol/data-folder.js';
import { runOperation } from '../host/operations.js';
import { APP_ID, PRODUCT_NAME } from './app-identity.js';
import { registerAppScheme, serveAppScheme } from './app-protocol.js';
import { startDesktopHost, StartCancelled, type DesktopHost } from './desktop-host.js';
import { desktopPrefsFile, readDesktopPrefs, writeDesktopPrefs } from './desktop-prefs.js';
import { pushHostEvents, registerHostApiChannel } from './ipc.js';
import { startAtLoginControl, startedAtLogin } from './login-item.js';
import { MainWindow } from './main-window.js';
import { NotificationHolder } from './notification-holder.js';
import { hardenAllWebContents, hardenSession } from './session-security.js';
import { shellPaths } from './shell-paths.js';
import { allPaused } from './tray-model.js';
import { TraySecurityControl } from './tray-security-control.js';
import { TrayController } from './tray.js';
import { startUpdates, type Updates } from './updates.js';
import type { WindowBounds } from './window-state.js';

/**
 * The tray app: one instance per person, the host in this process, a tray icon, and a window on
 * demand. Each piece is set up by its own module; this file only puts them in order.
 */
export function runDesktop(moduleUrl: string): void {
  const paths = shellPaths(moduleUrl);
  // Before `ready`. A development run would otherwise be "Electron", whose safeStorage key is
  // not the packaged app's, and each would read the other's secrets as corrupt.
  app.setName(PRODUCT_NAME);
  // Windows ties notifications to the installer's AppUserModelID.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  // Chromium's profile goes inside the data folder (0700), and the single-instance lock follows
  // it, so there is one TuneBridge per data folder (TUNEBRIDGE_HOME included).
  app.setPath('userData', join(dataDir(), 'electron'));
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let desktop: DesktopHost | undefined;
  let tray: TrayController | undefined;
  let updates: Updates | undefined;
  let security: TraySecurityControl | undefined;
  let bounds: WindowBounds | undefined;
  const notifications = new NotificationHolder<Notification>();
  const mainWindow = new MainWindow({
    preload: paths.preload,
    devTools: !app.isPackaged,
    onCreated: (created) => (desktop ? pushHostEvents(desktop.host, created) : () => undefined),
    onShown: () => tray?.noteSeen(),
    bounds: {
      get: () => bounds,
      save: (next) => {
        bounds = next;
        if (desktop) void saveWindowBounds(desktop.host.paths.home, next);
      },
    },
  });
  hardenAllWebContents(() => desktop?.consentPages() ?? []);

  app.on('second-instance', () => {
    if (desktop) mainWindow.show();
  });
  // macOS: a click on the Dock icon.
  app.on('activate', () => {
    if (desktop) mainWindow.show();
  });
  // Closing the window leaves TuneBridge running in the tray; "Quit" in its menu ends it.
  app.on('window-all-closed', () => undefined);

  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping || !desktop) return;
    event.preventDefault();
    stopping = true;
    updates?.stop();
    security?.stop();
    tray?.destroy();
    mainWindow.close();
    desktop.stop().then(
      () => app.quit(),
      (error: unknown) => {
        process.stderr.write(`TuneBridge: stopping the host failed: ${String(error)}\n`);
        app.exit(1);
      },
    );
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, () => mainWindow.webContentsIds);
      serveAppScheme(paths.uiDir);
      desktop = await startDesktopHost(paths);
      const { host } = desktop;
      bounds = (await readDesktopPrefs(desktopPrefsFile(host.paths.home))).windowBounds;
      registerHostApiChannel(host, () => mainWindow.webContentsIds);

      security = new TraySecurityControl({
        host,
        onChange: () => tray?.refresh(),
        log: (message) => process.stderr.write(`${message}\n`),
      });
      tray = new TrayController({
        iconsDir: paths.iconsDir,
        status: () => host.controller.status(),
        secretStorageWarning: desktop.secretStorageWarning,
        security: () => security?.current(),
        startAtLogin: startAtLoginControl(),
        onAction: (action) => {
          if (action === 'open') mainWindow.show();
          else if (action === 'quit') app.quit();
          else if (action === 'restart-to-update') updates?.restartToUpdate();
          else if (action === 'lockdown') void security?.lockdown();
          else {
            const paused = !allPaused(host.controller.status());
            void runOperation(host, { op: 'pause.all', paused });
          }
        },
      });
      if (!app.isPackaged) exposeTrayToTests(tray);
      const refresh = () => tray?.refresh();
      host.events.on('providers.changed', refresh);
      host.events.on('assistants.changed', refresh);
      // Every call appends to the audit log and moves an assistant's "last activity".
      host.events.on('audit.appended', () => {
        tray?.refreshSoon();
        void security?.refresh();
      });
      host.events.on('alert', (alert) => {
        tray?.noteAlert(alert.message);
        if (!Notification.isSupported()) return;
        const notice = new Notification({ title: PRODUCT_NAME, body: alert.message });
        notice.on('click', () => mainWindow.show());
        notifications.show(notice);
      });
      await tray.start();
      void security.refresh();
      updates = startUpdates({
        onReady: (version) => tray?.noteUpdateReady(version),
        log: (message) => process.stderr.write(`${message}\n`),
        devUpdateConfig: app.isPackaged ? undefined : process.env.TUNEBRIDGE_DEV_UPDATE_CONFIG,
      });
      if (!startedAtLogin(process.argv)) mainWindow.show();
      else app.dock?.hide();
    })
    .catch(async (error: unknown) => {
      if (!(error instanceof StartCancelled)) {
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`TuneBridge could not start: ${message}\n`);
        dialog.showErrorBox('TuneBridge could not start', message);
      }
      await desktop?.stop().catch(() => undefined);
      app.exit(1);
    });
}

async function saveWindowBounds(home: string, bounds: WindowBounds): Promise<void> {
  const file = desktopPrefsFile(home);
  await writeDesktopPrefs(file, { ...(await readDesktopPrefs(file)), windowBounds: bounds }).catch(
    () => undefined,
  );
}

/**
 * Development runs only: the tray as data for tests driving the real Electron through
 * Playwright, which can evaluate in the main process but cannot reach a Tray or click its menu.
 */
function exposeTrayToTests(tray: TrayController): void {
  Object.defineProperty(globalThis, '__tunebridgeTray', { value: tray, configurable: true });
}
