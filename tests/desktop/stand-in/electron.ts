// What `import … from 'electron'` gives the shell under the stand-in (register.ts points the
// name here). Only the parts the shell uses; anything else is undefined, as a missing API would
// fail under the real Electron's type check first.
import { app } from './app.js';
import { BrowserWindow } from './browser-window.js';
import { ipcMain } from './ipc-main.js';
import { net } from './net.js';
import { safeStorage } from './safe-storage.js';
import { defaultSession, protocol } from './session.js';
import {
  Menu,
  Notification,
  Tray,
  dialog,
  nativeImage,
  nativeTheme,
  screen,
  shell,
} from './tray-menu.js';

// electron-updater's HTTP client asks for its own partition; one session serves every partition.
const session = { defaultSession, fromPartition: () => defaultSession };
// electron-updater asks for Electron's own autoUpdater only on macOS and Windows.
const autoUpdater = undefined;

export {
  app,
  autoUpdater,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  net,
  nativeTheme,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
};

export default {
  app,
  autoUpdater,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  net,
  nativeTheme,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
};
