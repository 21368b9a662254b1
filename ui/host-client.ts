import type {
  HostApiError,
  HostApiRequest,
  HostApiResponse,
  HostEvent,
} from '../protocol/host-api.js';
import type { TuneBridgeIpc } from './ipc-bridge.js';

/**
 * The window's only way to the host. The views never learn whether they run in the Electron
 * window (IPC through the preload) or in a browser against `tunebridge serve` (HTTP + SSE).
 */
export interface HostClient {
  call(request: HostApiRequest): Promise<HostApiResponse>;
  /** Returns the unsubscribe. */
  onEvent(listener: (event: HostEvent) => void): () => void;
  /** Where the audit log downloads as JSON Lines, when the transport serves it directly. */
  readonly exportUrl?: string;
}

/** A refusal or failure from the host, with its code and a message written for the person. */
export class HostCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HostCallError';
  }
}

const UNREACHABLE = 'TuneBridge is not answering. Check that it is still running, then try again.';

/** Picks IPC when the Electron preload is present, else HTTP to the page's own origin. */
export function createHostClient(): HostClient {
  return window.tunebridge ? ipcHostClient(window.tunebridge) : httpHostClient();
}

export function httpHostClient(): HostClient {
  const listeners = new Set<(event: HostEvent) => void>();
  let source: EventSource | undefined;
  let lostConnection = false;
  const emit = (event: HostEvent) => {
    for (const listener of listeners) listener(event);
  };
  const connect = () => {
    source = new EventSource('/events');
    source.onmessage = (message: MessageEvent<string>) => {
      try {
        emit(JSON.parse(message.data) as HostEvent);
      } catch {
        // A malformed message is dropped; the next status read corrects the view.
      }
    };
    source.onerror = () => {
      lostConnection = true;
    };
    source.onopen = () => {
      if (!lostConnection) return;
      lostConnection = false;
      // Events may have been missed while the stream was down: have the views re-read.
      emit({ event: 'providers.changed' });
      emit({ event: 'clients.changed' });
    };
  };
  return {
    exportUrl: '/audit/export',
    async call(request) {
      let response: Response;
      try {
        response = await fetch('/api', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
          credentials: 'same-origin',
        });
      } catch {
        throw new HostCallError('unreachable', UNREACHABLE);
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (response.ok && isResponse(body)) return body;
      throw toError(body, response.status);
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = undefined;
        }
      };
    },
  };
}

export function ipcHostClient(bridge: TuneBridgeIpc): HostClient {
  return {
    async call(request) {
      let result: unknown;
      try {
        result = await bridge.call(request);
      } catch (error) {
        throw toError(error, 0);
      }
      if (isObject(result) && result.ok === true && isResponse(result.response)) {
        return result.response;
      }
      if (isObject(result) && result.ok === false) throw toError(result.error, 0);
      // Tolerate a preload that resolves with the bare response.
      if (isResponse(result)) return result;
      throw toError(result, 0);
    },
    onEvent: (listener) => bridge.onEvent(listener),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isResponse(value: unknown): value is HostApiResponse {
  return isObject(value) && typeof value.op === 'string';
}

function toError(value: unknown, status: number): HostCallError {
  if (isObject(value) && typeof value.code === 'string' && typeof value.message === 'string') {
    const error = value as HostApiError;
    return new HostCallError(error.code, error.message);
  }
  if (status === 401) {
    return new HostCallError(
      'no_session',
      'This window lost its session with TuneBridge. Open the address `tunebridge serve` printed.',
    );
  }
  return new HostCallError('unreachable', UNREACHABLE);
}

/** Narrows a response to the kind a request must produce, or fails loudly. */
export function expectOp<Op extends HostApiResponse['op']>(
  response: HostApiResponse,
  op: Op,
): Extract<HostApiResponse, { op: Op }> {
  if (response.op !== op) {
    throw new HostCallError('unexpected', `TuneBridge answered “${response.op}”, not “${op}”.`);
  }
  return response as Extract<HostApiResponse, { op: Op }>;
}
