import { ipcMain, type BrowserWindow } from 'electron';
import { handleHostApi, subscribeHostEvents } from '../host/host-api.js';
import type { RunningHost } from '../host/host.js';
import { isAppUrl } from './app-origin.js';
import { HOST_API_CHANNEL, HOST_EVENT_CHANNEL, type HostApiResult } from './channels.js';
import { createHostApiChannel } from './host-api-channel.js';
import { checkSender, senderInfo } from './sender-check.js';

/**
 * The one request channel into the host. The sender is checked before anything else; the
 * payload is then parsed with the shared zod contract inside `createHostApiChannel`.
 */
export function registerHostApiChannel(
  host: RunningHost,
  ourWebContents: () => ReadonlySet<number>,
): void {
  const channel = createHostApiChannel({
    handle: (request) => handleHostApi(host, request),
    log: (message) => process.stderr.write(`${message}\n`),
  });
  ipcMain.handle(HOST_API_CHANNEL, async (event, payload: unknown) => {
    const verdict = checkSender(senderInfo(event), ourWebContents());
    if (!verdict.trusted) {
      process.stderr.write(`TuneBridge: refused a host-API message: ${verdict.reason}\n`);
      const refused: HostApiResult = {
        ok: false,
        error: {
          code: 'forbidden',
          message: 'TuneBridge only answers its own window. Reopen TuneBridge from the tray.',
        },
      };
      return refused;
    }
    return channel(payload);
  });
}

/** Pushes host events to one window while it shows our UI; returns the unsubscribe. */
export function pushHostEvents(host: RunningHost, window: BrowserWindow): () => void {
  return subscribeHostEvents(host, (event) => {
    if (window.isDestroyed()) return;
    const contents = window.webContents;
    if (isAppUrl(contents.getURL())) contents.send(HOST_EVENT_CHANNEL, event);
  });
}
