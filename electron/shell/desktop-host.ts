import { app, dialog, ipcMain, safeStorage } from 'electron';
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import { ProviderId } from '../../protocol/providers.js';
import type { SettingsBackend } from '../host/settings/settings-store.js';
import { launchHost, type LaunchedHost } from '../host/launch-host.js';
import { desktopBridgeEntry } from './bridge-mode.js';
import { desktopPrefsFile, readDesktopPrefs, writeDesktopPrefs } from './desktop-prefs.js';
import type { ConsentPage } from './navigation-policy.js';
import { chooseDesktopSecretStore } from './secret-store-policy.js';
import type { ShellPaths } from './shell-paths.js';

export interface DesktopHost extends LaunchedHost {
  /** Set when secrets are kept with a weak protection the person opted into. */
  secretStorageWarning?: string;
  /** The providers' consent pages, the only URLs the window may hand to the browser. */
  consentPages(): ConsentPage[];
}

/** The person declined to go on (e.g. refused basic_text storage): quit without an error box. */
export class StartCancelled extends Error {}

/**
 * The host inside the desktop app: the same wiring as `tunebridge serve`, with settings through
 * electron-store, secrets through `safeStorage` (only after `ready`), and MCP config entries
 * that start this executable with `--mcp-bridge`.
 */
export async function startDesktopHost(paths: ShellPaths): Promise<DesktopHost> {
  let secretStorageWarning: string | undefined;
  const headless = await launchHost({
    bridgeScript: paths.nodeBridge,
    settingsBackend: electronStoreBackend,
    bridgeEntry: (assistantKey, home) =>
      desktopBridgeEntry({
        assistantKey,
        home,
        execPath: process.execPath,
        isPackaged: app.isPackaged,
        mainScript: paths.mainScript,
        appImage: process.env.APPIMAGE,
        platform: process.platform,
        nodeBridgeScript: app.isPackaged
          ? join(process.resourcesPath, 'app.asar.unpacked', 'dist', 'bridge.cjs')
          : paths.nodeBridge,
      }),
    chooseSecretStore: async ({ env, paths: hostPaths, settings, standard }) => {
      const kind = env.TUNEBRIDGE_SECRET_STORE ?? settings.read().secretStore;
      const prefsFile = desktopPrefsFile(hostPaths.home);
      for (;;) {
        const prefs = await readDesktopPrefs(prefsFile);
        const choice = await chooseDesktopSecretStore({
          kind,
          safeStorage,
          platform: process.platform,
          allowBasicText: prefs.allowBasicTextSecrets,
          file: join(hostPaths.home, 'secrets.safestorage'),
          standard,
        });
        if (choice.ok) {
          secretStorageWarning = choice.warning;
          return choice.store;
        }
        if (choice.reason === 'basic_text' && (await askToAllowBasicText(choice.message))) {
          await writeDesktopPrefs(prefsFile, { ...prefs, allowBasicTextSecrets: true });
          continue;
        }
        if (choice.reason === 'basic_text') throw new StartCancelled(choice.message);
        throw new Error(choice.message);
      }
    },
  });
  const { host } = headless;
  return {
    ...headless,
    secretStorageWarning,
    consentPages: () =>
      ProviderId.options.flatMap((provider) => {
        const runtime = host.accounts.runtime(provider);
        return runtime
          ? [{ authorizeUrl: runtime.oauth.authorizeUrl, loopbackHttpAllowed: host.sandbox }]
          : [];
      }),
  };
}

/** settings.json through electron-store: conf's options as SettingsStore chose them. */
const electronStoreBackend: SettingsBackend = (options) => {
  // SettingsStore always names the folder (cwd), so conf's project-name options are unused.
  const { configName, ...rest } = options;
  const store = new ElectronStore<Record<string, unknown>>({ ...rest, name: configName });
  // electron-store answers 'electron-store-get-data' for renderers that use it directly. Ours
  // never do, and no channel may stay open without a sender check, so close it again.
  ipcMain.removeAllListeners('electron-store-get-data');
  return store;
};

async function askToAllowBasicText(message: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'TuneBridge',
    message: 'Keep your music-account tokens without real encryption?',
    detail: `${message}\n\nIf you allow it, TuneBridge will say so in its window and tray menu.`,
    buttons: ['Quit TuneBridge', 'Allow weak storage'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return response === 1;
}
