import { app } from 'electron';
import electronUpdater from 'electron-updater';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface UpdatesOptions {
  /** The tray learns that a newer version is downloaded and waits for a restart. */
  onReady: (version: string) => void;
  log: (message: string) => void;
  /**
   * Development runs only: an update config file (electron-updater's dev-app-update.yml, e.g.
   * a generic provider on a local server) in place of the GitHub Releases one that packaged
   * builds carry (electron-builder.yml `publish`), so the flow can be tried without a release.
   */
  devUpdateConfig?: string;
}

export interface Updates {
  restartToUpdate(): void;
  stop(): void;
}

/**
 * Keeps an installed app on a current Chromium: checks GitHub Releases at start and once a day,
 * downloads in the background and installs on quit or on "Restart to update". Never installs an
 * older version, and leaves electron-updater's signature checks (Windows publisher, macOS code
 * signature) on. Unpackaged runs don't check unless given a development feed.
 */
export function startUpdates(options: UpdatesOptions): Updates | undefined {
  if (!app.isPackaged && !options.devUpdateConfig) return undefined;
  const { autoUpdater } = electronUpdater;
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.logger = null;
  if (!app.isPackaged && options.devUpdateConfig) {
    autoUpdater.forceDevUpdateConfig = true;
    autoUpdater.updateConfigPath = options.devUpdateConfig;
  }
  autoUpdater.on('update-downloaded', (info: { version: string }) => options.onReady(info.version));
  autoUpdater.on('update-not-available', () =>
    options.log(`TuneBridge ${app.getVersion()} is up to date.`),
  );
  autoUpdater.on('error', (error: Error) =>
    options.log(`TuneBridge: checking for updates failed: ${error.message}`),
  );
  const check = () => {
    autoUpdater.checkForUpdates().catch(() => undefined);
  };
  check();
  const timer = setInterval(check, DAY_MS);
  timer.unref();
  return {
    restartToUpdate: () => autoUpdater.quitAndInstall(),
    stop: () => clearInterval(timer),
  };
}
