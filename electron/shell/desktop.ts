import { Notification, app, dialog, session } from 'electron';
import { join } from 'node:path';
import { dataDir } from '../../protocol/data-folder.js';
import { runOperation } from '../host/operations.js';
import { registerAppScheme, serveAppScheme } from './app-protocol.js';
import { startDesktopHost, StartCancelled, type DesktopHost } from './desktop-host.js';
import { pushHostEvents, registerHostApiChannel } from './ipc.js';
import { startAtLoginControl, startedAtLogin } from './login-item.js';
import { MainWindow } from './main-window.js';
import { hardenAllWebContents, hardenSession } from './session-security.js';
import { shellPaths } from './shell-paths.js';
import { allPaused } from './tray-model.js';
import { TrayController } from './tray.js';

/**
 * The tray app: one instance per person, the host in this process, a tray icon, and a window on
 * demand. Each piece is set up by its own module; this file only puts them in order.
 */
export function runDesktop(moduleUrl: string): void {
  const paths = shellPaths(moduleUrl);
  // Before `ready`. Chromium's profile goes inside the data folder (0700), and the single-instance
  // lock follows it, so there is one TuneBridge per data folder (TUNEBRIDGE_HOME included).
  app.setPath('userData', join(dataDir(), 'electron'));
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let desktop: DesktopHost | undefined;
  let tray: TrayController | undefined;
  const mainWindow = new MainWindow({
    preload: paths.preload,
    devTools: !app.isPackaged,
    onCreated: (created) => (desktop ? pushHostEvents(desktop.host, created) : () => undefined),
    onShown: () => tray?.noteSeen(),
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
      hardenSession(session.defaultSession);
      serveAppScheme(paths.uiDir);
      desktop = await startDesktopHost(paths);
      const { host } = desktop;
      registerHostApiChannel(host, () => mainWindow.webContentsIds);

      tray = new TrayController({
        iconsDir: paths.iconsDir,
        status: () => host.controller.status(),
        secretStorageWarning: desktop.secretStorageWarning,
        startAtLogin: startAtLoginControl(),
        onAction: (action) => {
          if (action === 'open') mainWindow.show();
          else if (action === 'quit') app.quit();
          else {
            const paused = !allPaused(host.controller.status());
            void runOperation(host, { op: 'pause.all', paused });
          }
        },
      });
      const refresh = () => tray?.refresh();
      host.events.on('providers.changed', refresh);
      host.events.on('assistants.changed', refresh);
      // Every call appends to the audit log and moves an assistant's "last activity".
      host.events.on('audit.appended', () => tray?.refreshSoon());
      host.events.on('alert', (alert) => {
        tray?.noteAlert(alert.message);
        if (Notification.isSupported()) {
          const notice = new Notification({ title: 'TuneBridge', body: alert.message });
          notice.on('click', () => mainWindow.show());
          notice.show();
        }
      });
      await tray.start();
      if (!startedAtLogin(process.argv)) mainWindow.show();
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
