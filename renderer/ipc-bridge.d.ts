import type { HostEvent } from '../protocol/host-api.js';
import type { HostApiError, HostApiRequest, HostApiResponse } from '../protocol/operations.js';

/** What one host-API call over IPC resolves to; errors travel as data, since IPC drops fields. */
export type HostApiResult =
  { ok: true; response: HostApiResponse } | { ok: false; error: HostApiError };

/**
 * The one object the Electron preload exposes to the window with
 * `contextBridge.exposeInMainWorld('tunebridge', …)`. The main process parses every request with
 * `HostApiRequest` and answers through `handleHostApi`, exactly as `POST /api` does.
 */
export interface TuneBridgeIpc {
  call(request: HostApiRequest): Promise<HostApiResult>;
  /** Host events pushed over IPC; returns the unsubscribe. */
  onEvent(listener: (event: HostEvent) => void): () => void;
}

declare global {
  interface Window {
    tunebridge?: TuneBridgeIpc;
  }
}
