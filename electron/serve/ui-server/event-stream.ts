import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostEvent } from '../../../protocol/host-api.js';
import { subscribeHostEvents } from '../../host/host-api.js';
import type { RunningHost } from '../../host/host.js';
import { sendText } from './headers.js';

/** More open windows than this is a runaway page, not a person. */
export const MAX_EVENT_STREAMS = 32;
const HEARTBEAT_MS = 15_000;

/** `GET /events`: host events as Server-Sent Events, one JSON `HostEvent` per message. */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();

  constructor(private readonly host: RunningHost) {}

  handle(request: IncomingMessage, response: ServerResponse): void {
    if (this.open.size >= MAX_EVENT_STREAMS) {
      sendText(response, 503, 'Too many TuneBridge windows are open.');
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 2000\n\n');
    this.open.add(response);
    const send = (event: HostEvent) => response.write(`data: ${JSON.stringify(event)}\n\n`);
    const unsubscribe = subscribeHostEvents(this.host, send);
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      this.open.delete(response);
    };
    request.once('close', close);
    response.once('close', close);
  }

  closeAll(): void {
    for (const response of this.open) response.end();
    this.open.clear();
  }
}
