import { EventEmitter } from 'node:events';

export interface SenderFrameInfo {
  url: string;
  parent: SenderFrameInfo | null;
}

export interface InvokeEvent {
  sender: { id: number };
  senderFrame: SenderFrameInfo | null | undefined;
  frameId: number;
  processId: number;
}

type Handler = (event: InvokeEvent, ...args: unknown[]) => unknown;

/** `ipcMain`: handlers by channel; a channel without one fails as Electron's does. */
class IpcMainStandIn extends EventEmitter {
  readonly #handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.#handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.#handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.#handlers.delete(channel);
  }

  /** What `ipcRenderer.invoke` reaches, with the sender as the browser saw it. */
  async invoke(channel: string, event: InvokeEvent, args: unknown[]): Promise<unknown> {
    const handler = this.#handlers.get(channel);
    if (!handler) {
      throw new Error(
        `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
      );
    }
    return handler(event, ...args);
  }
}

export const ipcMain = new IpcMainStandIn();
