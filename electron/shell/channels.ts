import type { HostApiError, HostApiResponse } from '../../protocol/operations.js';

/**
 * The two IPC channels between the window and the main process, shared by the preload and the
 * main process. There are no others: one request/response channel for the host API, one push
 * channel for host events.
 */
export const HOST_API_CHANNEL = 'tunebridge:host-api';
export const HOST_EVENT_CHANNEL = 'tunebridge:host-event';

/**
 * What one host-API call resolves to in the window. Errors travel as data because Electron
 * flattens a rejected `ipcMain.handle` into a bare message and drops the code.
 */
export type HostApiResult =
  { ok: true; response: HostApiResponse } | { ok: false; error: HostApiError };
