import type { HostEvent } from '../protocol/host-api.js';
import {
  parseOperationResponse,
  type HostApiError,
  type HostApiRequest,
  type HostApiResponse,
  type OperationResponse,
} from '../protocol/operations.js';
import type { TuneBridgeIpc } from './ipc-bridge.js';

/**
 * The window's only way to the host. The views never learn whether they run in the Electron
 * window (IPC through the preload) or in a browser against `tunebridge serve` (HTTP + SSE).
 */
export interface HostClient {
  call(request: HostApiRequest): Promise<HostApiResponse>;
  /** Returns the unsubscribe. */
  onEvent(listener: (event: HostEvent) => void): () => void;
  /**
   * Whether the live event stream reaches the host; called at once with the current state.
   * Only transports that can lose the host (HTTP) offer it; IPC lives and dies with the host.
   */
  onLink?(listener: (link: HostLink) => void): () => void;
  /**
   * Where the audit log downloads as JSON Lines, when a plain link can fetch it. Over HTTP a link
   * cannot carry the session header, so it is unset there and `exportAudit` does the fetch.
   */
  readonly exportUrl?: string;
  /** The whole audit log as JSON Lines, when the transport serves it directly. */
  exportAudit?(): Promise<Blob>;
}

/**
 * `live`: the event stream is open. `lost`: it dropped (the host stopped, or the network to it),
 * and the window retries. `ended`: the host answers again but no longer knows this window's
 * session (it was restarted), so only a new address opens it.
 */
export type HostLink = 'connecting' | 'live' | 'lost' | 'ended';

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

/** Sent with every host call; must match the session the cookie names (see `SESSION_HEADER`). */
const SESSION_HEADER = 'X-TuneBridge-Session';
const SESSION_KEY = 'tunebridge.session';
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * The session secret the server handed this page in `/#session=…` after the opening address.
 * It is kept in `sessionStorage` (this origin only, so this port only) and taken out of the
 * address bar at once. Cookies reach every server on 127.0.0.1; this never leaves the page.
 */
export function takeSessionSecret(): string | undefined {
  const match = /^#session=([\w-]+)$/.exec(window.location.hash);
  if (match?.[1]) {
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
    try {
      window.sessionStorage.setItem(SESSION_KEY, match[1]);
    } catch {
      // Storage refused (a locked-down browser): the secret lives as long as this page.
    }
    return match[1];
  }
  try {
    return window.sessionStorage.getItem(SESSION_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function httpHostClient(secret = takeSessionSecret()): HostClient {
  const listeners = new Set<(event: HostEvent) => void>();
  const links = linkState();
  const headers: Record<string, string> = secret ? { [SESSION_HEADER]: secret } : {};
  let stream: AbortController | undefined;
  const emit = (event: HostEvent) => {
    for (const listener of listeners) listener(event);
  };
  return {
    async call(request) {
      let response: Response;
      try {
        response = await fetch('/api', {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
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
    async exportAudit() {
      let response: Response;
      try {
        response = await fetch('/audit/export', { headers, credentials: 'same-origin' });
      } catch {
        throw new HostCallError('unreachable', UNREACHABLE);
      }
      if (!response.ok) throw toError(undefined, response.status);
      return response.blob();
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!stream) {
        stream = new AbortController();
        void followEvents(headers, stream.signal, emit, links.set);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stream?.abort();
          stream = undefined;
        }
      };
    },
    onLink: links.listen,
  };
}

/**
 * `GET /events` as Server-Sent Events over `fetch` (an `EventSource` cannot send the session
 * header), reconnecting with backoff until `signal` aborts. After a reconnect the views are told
 * to re-read, since events may have been missed while the stream was down.
 */
async function followEvents(
  headers: Record<string, string>,
  signal: AbortSignal,
  emit: (event: HostEvent) => void,
  setLink: (link: HostLink) => void = () => undefined,
): Promise<void> {
  let delay = RETRY_FIRST_MS;
  let lostConnection = false;
  let ended = false;
  while (!signal.aborted) {
    try {
      const response = await fetch('/events', {
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        signal,
      });
      if (response.ok && response.body) {
        if (lostConnection) {
          emit({ event: 'providers.changed' });
          emit({ event: 'assistants.changed' });
        }
        lostConnection = false;
        delay = RETRY_FIRST_MS;
        ended = false;
        setLink('live');
        await readEvents(response.body, (data) => {
          try {
            emit(JSON.parse(data) as HostEvent);
          } catch {
            // A malformed message is dropped; the next status read corrects the view.
          }
        });
      } else {
        await response.body?.cancel();
        ended = response.status === 401;
      }
    } catch {
      // Dropped or refused: try again below, unless the page let go of the stream.
    }
    if (signal.aborted) return;
    setLink(ended ? 'ended' : 'lost');
    lostConnection = true;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, RETRY_MAX_MS);
  }
}

/** Calls `onData` with each message's data from an SSE body, until the body ends. */
export async function readEvents(
  body: ReadableStream<Uint8Array>,
  onData: (data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    const frames = buffer.split(/\r\n\r\n|\n\n|\r\r/);
    buffer = frames.pop() ?? '';
    for (const frame of frames) {
      const data = frame
        .split(/\r\n|\n|\r/)
        .filter((line) => line === 'data' || line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''));
      if (data.length > 0) onData(data.join('\n'));
    }
  }
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

/**
 * Sends one operation and returns its answer, typed by the request's `op` and checked against
 * the operation table (protocol/operations.ts), so no view tests what kind of answer it got.
 */
export async function send<Request extends HostApiRequest>(
  client: HostClient,
  request: Request,
): Promise<OperationResponse<Request['op']>> {
  const response = await client.call(request);
  try {
    return parseOperationResponse(request.op as Request['op'], response);
  } catch {
    throw new HostCallError(
      'unexpected',
      `TuneBridge answered “${response.op}” to “${request.op}”.`,
    );
  }
}

/** The stream's state and who wants to hear about it; a change is told once. */
function linkState() {
  let current: HostLink = 'connecting';
  const listeners = new Set<(link: HostLink) => void>();
  return {
    set(link: HostLink) {
      if (link === current) return;
      current = link;
      for (const listener of listeners) listener(link);
    },
    listen(listener: (link: HostLink) => void) {
      listeners.add(listener);
      listener(current);
      return () => void listeners.delete(listener);
    },
  };
}
