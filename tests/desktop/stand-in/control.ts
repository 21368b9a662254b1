import { app } from './app.js';
import { BrowserWindow } from './browser-window.js';
import { devToolsEndpoint } from './chromium.js';
import { ipcMain } from './ipc-main.js';
import { Notification, Tray, dialog, shell, type TrayRecord } from './tray-menu.js';
import { defaultSession, type DownloadRecord } from './session.js';
import { toShellUrl } from './url-map.js';

/** What the test process can see of the stand-in: everything a person could see or do. */
export interface StandInState {
  cdpEndpoint: string | undefined;
  name: string;
  appUserModelId: string | undefined;
  windows: { id: number; url: string; visible: boolean; bounds: Record<string, number> }[];
  tray: TrayRecord | undefined;
  openedExternally: string[];
  notifications: { title: string; body: string }[];
  dialogs: string[];
  /** Downloads the page started: to a save dialog, or cancelled by the shell. */
  downloads: DownloadRecord[];
}

export type ControlRequest =
  | { op: 'state' }
  | { op: 'tray.choose'; label: string }
  | { op: 'dialog.answer'; button: string }
  | { op: 'window.close' }
  | { op: 'notification.click'; index: number }
  | { op: 'ipc.fromSubframe'; channel: string; payload: unknown };

function state(): StandInState {
  const tray = Tray.all.at(-1);
  return {
    cdpEndpoint: devToolsEndpoint(),
    name: app.getName(),
    appUserModelId: app.recorded.appUserModelId,
    windows: BrowserWindow.getAllWindows().map((window) => ({
      id: window.webContents.id,
      url: window.webContents.getURL(),
      visible: window.isVisible(),
      bounds: window.getBounds(),
    })),
    tray: tray?.record(),
    openedExternally: [...shell.openedExternally],
    notifications: Notification.all.map((notice) => notice.record),
    dialogs: [...dialog.shown],
    downloads: [...defaultSession.downloads],
  };
}

/**
 * A message sent from a subframe of the main window: an iframe is added to the page, and the
 * message reaches ipcMain with that frame as its sender, exactly as the page binding reports it.
 */
async function fromSubframe(channel: string, payload: unknown): Promise<unknown> {
  const window = BrowserWindow.getAllWindows()[0];
  const page = window?.webContents.page;
  if (!window || !page) throw new Error('No window is open');
  // An empty frame (about:blank): the window's CSP allows no framed content, but a frame exists.
  const [child] = await Promise.all([
    page.waitForEvent('frameattached'),
    page.evaluate(() => {
      document.body.append(document.createElement('iframe'));
    }),
  ]);
  const parent = { url: toShellUrl(page.mainFrame().url()), parent: null };
  return ipcMain
    .invoke(
      channel,
      {
        sender: window.webContents,
        senderFrame: { url: toShellUrl(child.url()), parent },
        frameId: 1,
        processId: process.pid,
      },
      [payload],
    )
    .then(
      (value) => ({ value }),
      (error: Error) => ({ error: error.message }),
    );
}

async function run(request: ControlRequest): Promise<unknown> {
  switch (request.op) {
    case 'state':
      return state();
    case 'tray.choose':
      return Tray.all.at(-1)?.choose(request.label) ?? false;
    case 'dialog.answer':
      dialog.answers.push(request.button);
      return true;
    case 'window.close':
      BrowserWindow.getAllWindows()[0]?.close();
      return true;
    case 'notification.click':
      Notification.all[request.index]?.emit('click', {});
      return true;
    case 'ipc.fromSubframe':
      return fromSubframe(request.channel, request.payload);
  }
}

/** Answers the test process over the fork IPC channel, when there is one. */
export function listenForControl(): void {
  if (!process.send) return;
  process.channel?.unref();
  process.on('message', (message: { id: number; request: ControlRequest }) => {
    run(message.request).then(
      (value) => process.send?.({ id: message.id, ok: true, value }),
      (error: Error) => process.send?.({ id: message.id, ok: false, error: error.message }),
    );
  });
}
