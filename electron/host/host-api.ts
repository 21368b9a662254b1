import type { EventEmitter as NodeEventEmitter } from 'node:events';
import { homedir } from 'node:os';
import { tildePath, tildePaths } from '../../protocol/home-path.js';
import type { OperationRequest, OperationResponse } from '../../protocol/operations.js';
import { HostError } from './errors.js';
import { runOperation, type OperationHost, type OperationOrigin } from './operations.js';
import type { HostEvent } from '../../protocol/host-api.js';
import { healthDetail } from './services/client-configs.js';
import type { AssistantHealth, HostEvents } from './host-controller.js';
import type { RunningHost } from './host.js';

/**
 * The window's entry to the operation table (electron/host/operations.ts). The window shows
 * paths in the person's home as ~/…; an entry to paste and the audit log (its hashes cover the
 * text) keep theirs.
 */
export async function handleHostApi<Request extends OperationRequest>(
  host: OperationHost,
  request: Request,
  origin: OperationOrigin = 'window',
): Promise<OperationResponse<Request['op']>> {
  let response: OperationResponse<Request['op']>;
  try {
    response = await runOperation(host, request, origin);
  } catch (error) {
    if (!(error instanceof HostError)) throw error;
    throw new HostError(error.code, tildePath(error.message, homedir()), error.retryAfterSeconds, {
      cause: error,
    });
  }
  if (request.op === 'assistant.issue' || request.op === 'audit.query') return response;
  return tildePaths(response, homedir());
}

function healthEvent(report: AssistantHealth): HostEvent {
  return {
    event: 'assistant.health',
    mcpClient: report.mcpClient,
    health: report.health.status,
    detail: healthDetail(report.health),
    path: report.health.path,
    needsRepair: report.needsRepair,
  };
}

/** Subscribes to what a window should hear about; returns the unsubscribe. */
export function subscribeHostEvents(
  host: RunningHost,
  listener: (event: HostEvent) => void,
): () => void {
  // Typed per event, so each handler's arguments are checked against what the host emits.
  const handlers: { [K in keyof HostEvents]?: (...args: HostEvents[K]) => void } = {
    'providers.changed': () => listener({ event: 'providers.changed' }),
    'assistants.changed': () => listener({ event: 'assistants.changed' }),
    'audit.appended': (record) => listener({ event: 'audit.appended', record }),
    'login.finished': (outcome) => listener({ event: 'login.finished', ...outcome }),
    'assistant.health': (report) => listener(tildePaths(healthEvent(report), homedir())),
    // The controller stored the alert (with its id) before this runs: it subscribed first.
    alert: (raised) =>
      listener({
        event: 'alert',
        alert: host.controller.storedAlert(raised) ?? { ...raised, id: raised.time },
      }),
    'alert.dismissed': (id) => listener({ event: 'alert.dismissed', id }),
    'approval.requested': (approval) => listener({ event: 'approval.requested', ...approval }),
    'approval.settled': (id, outcome) => listener({ event: 'approval.settled', id, outcome }),
  };
  // The untyped view only loops over the table; the table is what carries the types.
  const emitter: NodeEventEmitter = host.events;
  const entries = Object.entries(handlers) as Array<[string, (...args: unknown[]) => void]>;
  for (const [name, handler] of entries) emitter.on(name, handler);
  return () => {
    for (const [name, handler] of entries) emitter.off(name, handler);
  };
}
