import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HostEvent } from '../../protocol/host-api.js';
import type { HostApiRequest } from '../../protocol/operations.js';
import { HOST_API_CHANNEL, HOST_EVENT_CHANNEL, type HostApiResult } from './channels.js';

// The window's whole view of Electron: two functions. The page never gets ipcRenderer, an
// IPC event object, or a channel name of its choosing. Bundled as CommonJS (dist/electron/
// preload.cjs) because sandboxed preloads cannot be ES modules.

const listeners = new Set<(event: HostEvent) => void>();

ipcRenderer.on(HOST_EVENT_CHANNEL, (_event: IpcRendererEvent, hostEvent: HostEvent) => {
  for (const listener of listeners) {
    try {
      listener(hostEvent);
    } catch {
      // One failing listener must not starve the others.
    }
  }
});

contextBridge.exposeInMainWorld('tunebridge', {
  call: (request: HostApiRequest): Promise<HostApiResult> =>
    ipcRenderer.invoke(HOST_API_CHANNEL, request) as Promise<HostApiResult>,
  onEvent: (listener: (event: HostEvent) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    // A wrapper per subscription, so subscribing the same function twice unsubscribes cleanly.
    const entry = (event: HostEvent) => listener(event);
    listeners.add(entry);
    return () => {
      listeners.delete(entry);
    };
  },
});
