import { createConnection, type Socket } from 'node:net';
import {
  BROKER_ANSWERS,
  BrokerResponse,
  type BrokerAnswer,
  type BrokerErrorCode,
  type BrokerRequest,
} from '../protocol/broker.js';
import { encodeFrame, FrameDecoder } from '../protocol/framing.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type OutgoingRequest = DistributiveOmit<BrokerRequest, 'id'>;
type Answer = Exclude<BrokerResponse, { type: 'event' }>;
type EventPush = Extract<BrokerResponse, { type: 'event' }>;

export type BrokerClientErrorCode = BrokerErrorCode | 'host_unavailable' | 'connection_closed';

export class BrokerClientError extends Error {
  constructor(
    readonly code: BrokerClientErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'BrokerClientError';
  }
}

export const HOST_UNAVAILABLE_MESSAGE =
  'TuneBridge is not running. Start the TuneBridge app (or run `npx tunebridge serve`), then try again.';

interface Pending {
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
  onProgress?: (answer: Answer) => void;
}

/** Answers that announce more to come on the same request id, rather than ending it. */
const PROGRESS_TYPES = new Set<Answer['type']>(['login.pending', 'approval.ask']);

/** One connection to the host's broker socket, with request/answer matching by id. */
export class BrokerClient {
  private readonly pending = new Map<number, Pending>();
  private readonly eventListeners = new Set<(event: EventPush) => void>();
  private readonly closeListeners = new Set<() => void>();
  private nextId = 1;
  private closed = false;

  private constructor(private readonly socket: Socket) {
    const decoder = new FrameDecoder();
    socket.on('data', (chunk: Buffer) => {
      let frames: unknown[];
      try {
        frames = decoder.push(chunk);
      } catch (error) {
        this.shutdown(error instanceof Error ? error.message : 'Bad frame from TuneBridge.');
        return;
      }
      for (const frame of frames) this.receive(frame);
    });
    socket.on('close', () => this.shutdown('The connection to TuneBridge closed.'));
    socket.on('error', () => socket.destroy());
  }

  static connect(socketPath: string, timeoutMs = 3_000): Promise<BrokerClient> {
    return new Promise((resolve, reject) => {
      const socket = createConnection(socketPath);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new BrokerClientError('host_unavailable', HOST_UNAVAILABLE_MESSAGE));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new BrokerClient(socket));
      });
      socket.once('error', () => {
        clearTimeout(timer);
        reject(new BrokerClientError('host_unavailable', HOST_UNAVAILABLE_MESSAGE));
      });
    });
  }

  request(message: OutgoingRequest, onProgress?: (answer: Answer) => void): Promise<Answer> {
    if (this.closed) {
      return Promise.reject(new BrokerClientError('connection_closed', HOST_UNAVAILABLE_MESSAGE));
    }
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.socket.write(encodeFrame({ ...message, id }));
    });
  }

  /** Like `request`, with the answer typed by the request: any other answer is an error. */
  async ask<Request extends OutgoingRequest>(
    message: Request,
    onProgress?: (answer: Answer) => void,
  ): Promise<BrokerAnswer<Request['type']>> {
    const answer = await this.request(message, onProgress);
    if (answer.type !== BROKER_ANSWERS[message.type]) {
      throw new BrokerClientError(
        'internal',
        `TuneBridge answered ${answer.type} to ${message.type}; update TuneBridge so both sides match.`,
      );
    }
    return answer as BrokerAnswer<Request['type']>;
  }

  onEvent(listener: (event: EventPush) => void): void {
    this.eventListeners.add(listener);
  }

  onClose(listener: () => void): void {
    this.closeListeners.add(listener);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.socket.end();
    this.shutdown('Closed.');
  }

  private receive(frame: unknown): void {
    const parsed = BrokerResponse.safeParse(frame);
    if (!parsed.success) {
      this.shutdown(
        'TuneBridge answered with a message this version does not understand. Update TuneBridge.',
      );
      return;
    }
    const message = parsed.data;
    if (message.type === 'event') {
      for (const listener of this.eventListeners) listener(message);
      return;
    }
    const id = message.id;
    const pending = id === undefined ? undefined : this.pending.get(id);
    if (id === undefined || !pending) {
      // An error without an id is the host closing the connection on us.
      if (message.type === 'error') this.shutdown(message.message, message.code);
      return;
    }
    if (PROGRESS_TYPES.has(message.type)) {
      pending.onProgress?.(message);
      return;
    }
    this.pending.delete(id);
    if (message.type === 'error') {
      pending.reject(
        new BrokerClientError(message.code, message.message, message.retryAfterSeconds),
      );
    } else {
      pending.resolve(message);
    }
  }

  private shutdown(reason: string, code: BrokerClientErrorCode = 'connection_closed'): void {
    if (this.closed) return;
    this.closed = true;
    for (const pending of this.pending.values())
      pending.reject(new BrokerClientError(code, reason));
    this.pending.clear();
    this.socket.destroy();
    for (const listener of this.closeListeners) listener();
  }
}
