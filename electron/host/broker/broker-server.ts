import { randomBytes } from 'node:crypto';
import { chmod, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import {
  BrokerRequest,
  type BrokerErrorCode,
  type BrokerResponse,
} from '../../../protocol/broker.js';
import { encodeFrame, FrameDecoder, FrameError } from '../../../protocol/framing.js';
import { ensurePrivateDir } from '../fs/atomic-write.js';
import { BrokerError } from './broker-error.js';
import {
  DEFAULT_CONNECTION_LIMITS,
  PreHelloFloodMeter,
  type ConnectionLimits,
} from './connection-budget.js';

export type ConnectionRole =
  { kind: 'anonymous' } | { kind: 'assistant'; assistantId: string } | { kind: 'control' };

export interface BrokerConnection {
  readonly id: number;
  role: ConnectionRole;
  watching: boolean;
  /** True once the peer is gone: work queued for it is skipped, answers go nowhere. */
  readonly closed: boolean;
  send(message: BrokerResponse): void;
  close(): void;
}

export type BrokerHandler = (connection: BrokerConnection, request: BrokerRequest) => Promise<void>;

export interface BrokerServerOptions {
  socketPath: string;
  /** Listen on a fresh `\\.\pipe\tunebridge-<random>` instead of `socketPath` (Windows). */
  randomPipeName?: boolean;
  runDir: string;
  handle: BrokerHandler;
  /** A peer that hasn't said hello by then is dropped, so idle sockets can't pile up. */
  helloTimeoutMs?: number;
  maxConnections?: number;
  /** Unread-answer and pre-hello limits; defaults in `connection-budget.ts`. */
  limits?: Partial<ConnectionLimits>;
  onConnectionError?: (code: BrokerErrorCode, connectionId: number) => void;
  /** Many connections were evicted before saying hello: someone is holding sockets open. */
  onPreHelloFlood?: (evictions: number) => void;
}

/**
 * Requests one connection may have waiting; past this its socket is paused, so a peer that
 * pipelines megabyte frames faster than they are served can't grow the host's memory.
 */
const MAX_QUEUED_PER_CONNECTION = 16;
const RESUME_BELOW = 8;

/**
 * The local socket bridges and the CLI talk to. It lives in a 0700 directory and is itself 0600,
 * so only the person's own processes can reach it; each peer then proves who it is with a key.
 * Anything malformed closes that one connection and nothing else.
 */
export class BrokerServer {
  private server: Server | undefined;
  private readonly connections = new Set<BrokerConnection>();
  private nextId = 1;
  private readonly limits: ConnectionLimits;
  private readonly floodMeter = new PreHelloFloodMeter();

  constructor(private readonly options: BrokerServerOptions) {
    this.limits = {
      ...DEFAULT_CONNECTION_LIMITS,
      ...(options.helloTimeoutMs === undefined ? {} : { helloTimeoutMs: options.helloTimeoutMs }),
      ...options.limits,
    };
    this.listenPath = options.randomPipeName
      ? `\\\\.\\pipe\\tunebridge-${randomBytes(16).toString('hex')}`
      : options.socketPath;
  }

  private listenPath: string;

  /** The pipe a Windows host listens on, for publishing in the run directory. */
  get pipeName(): string | undefined {
    return this.options.randomPipeName ? this.listenPath : undefined;
  }

  async start(): Promise<void> {
    await ensurePrivateDir(this.options.runDir);
    if (process.platform !== 'win32') await removeStaleSocket(this.options.socketPath);
    const server = createServer((socket) => this.accept(socket));
    server.maxConnections = this.options.maxConnections ?? 64;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(listenError(error, this.listenPath)),
      );
      server.listen(this.listenPath, () => resolve());
    });
    if (process.platform !== 'win32') await chmod(this.options.socketPath, 0o600);
    this.server = server;
  }

  async stop(): Promise<void> {
    for (const connection of this.connections) connection.close();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    if (process.platform !== 'win32') await rm(this.options.socketPath, { force: true });
  }

  /** Sends a pushed event to every connection that asked to watch and passes the filter. */
  broadcast(
    message: BrokerResponse,
    filter: (connection: BrokerConnection) => boolean = () => true,
  ): void {
    for (const connection of this.connections) {
      if (connection.watching && filter(connection)) connection.send(message);
    }
  }

  /** Closes every connection a predicate picks, e.g. all of a revoked client's bridges. */
  disconnect(filter: (connection: BrokerConnection) => boolean): void {
    for (const connection of this.connections) if (filter(connection)) connection.close();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  private accept(socket: Socket): void {
    this.evictUnauthenticated();
    const decoder = new FrameDecoder();
    const { pauseAtUnreadBytes, dropAtUnreadBytes } = this.limits;
    let closed = false;
    // Reading stops while requests pile up or answers go unread, and resumes when both clear.
    let queued = 0;
    const resumeIfClear = () => {
      if (
        !closed &&
        socket.isPaused() &&
        queued < RESUME_BELOW &&
        socket.writableLength <= pauseAtUnreadBytes
      )
        socket.resume();
    };
    const connection: BrokerConnection = {
      id: this.nextId++,
      role: { kind: 'anonymous' },
      watching: false,
      get closed() {
        return closed;
      },
      send: (message) => {
        if (socket.destroyed) return;
        socket.write(encodeFrame(message));
        if (socket.writableLength > dropAtUnreadBytes) {
          // Pushed events to a peer that never reads: nothing more can reach it, so let it go.
          closed = true;
          socket.destroy();
          this.options.onConnectionError?.('rate_limited', connection.id);
        } else if (socket.writableLength > pauseAtUnreadBytes) socket.pause();
      },
      close: () => {
        closed = true;
        socket.end();
        socket.destroySoon();
      },
    };
    this.connections.add(connection);
    const helloTimer = setTimeout(() => {
      if (connection.role.kind === 'anonymous')
        this.fail(connection, 'not_authenticated', 'No hello within the time allowed.');
    }, this.limits.helloTimeoutMs);
    helloTimer.unref();
    socket.on('drain', resumeIfClear);

    // Requests on one connection are handled in order, so answers never overtake each other; a
    // request waits while the peer leaves answers unread, so one that never reads costs at most
    // the pause bound plus one answer.
    let queue: Promise<void> = Promise.resolve();
    const enqueue = (request: BrokerRequest) => {
      queued += 1;
      if (queued >= MAX_QUEUED_PER_CONNECTION) socket.pause();
      queue = queue
        .then(() => untilReadBelow(socket, pauseAtUnreadBytes))
        .then(() => (connection.closed ? undefined : this.dispatch(connection, request)))
        .finally(() => {
          queued -= 1;
          resumeIfClear();
        });
    };
    socket.on('data', (chunk: Buffer) => {
      let frames: unknown[];
      try {
        frames = decoder.push(chunk);
      } catch (error) {
        const code = error instanceof FrameError ? error.code : 'bad_frame';
        this.fail(connection, code, error instanceof Error ? error.message : 'Bad frame.');
        socket.pause();
        return;
      }
      for (const frame of frames) {
        const parsed = BrokerRequest.safeParse(frame);
        if (!parsed.success) {
          this.fail(
            connection,
            'bad_frame',
            `The message did not match the broker protocol: ${describeIssue(parsed.error.issues[0])}`,
            frameId(frame),
          );
          socket.pause();
          return;
        }
        // An answer to "ask me" unblocks a call waiting in this queue: it must not wait behind it.
        if (parsed.data.type === 'approval.answer') void this.dispatch(connection, parsed.data);
        else enqueue(parsed.data);
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      closed = true;
      clearTimeout(helloTimer);
      this.connections.delete(connection);
    });
  }

  /** Makes room for a new connection: the oldest that hasn't said hello yet goes first. */
  private evictUnauthenticated(): void {
    const waiting = [...this.connections].filter(
      (connection) => connection.role.kind === 'anonymous' && !connection.closed,
    );
    const excess = waiting.length - this.limits.maxUnauthenticated + 1;
    for (const oldest of waiting.slice(0, Math.max(0, excess))) {
      this.fail(oldest, 'not_authenticated', 'Too many connections waiting to say hello.');
      const flood = this.floodMeter.evicted(Date.now());
      if (flood !== undefined) this.options.onPreHelloFlood?.(flood);
    }
  }

  private async dispatch(connection: BrokerConnection, request: BrokerRequest): Promise<void> {
    try {
      await this.options.handle(connection, request);
    } catch (error) {
      const brokerError =
        error instanceof BrokerError
          ? error
          : new BrokerError(
              'internal',
              'TuneBridge hit an unexpected error. Try again; if it keeps happening, restart TuneBridge.',
            );
      connection.send({
        type: 'error',
        id: request.id,
        code: brokerError.code,
        message: brokerError.message,
        retryAfterSeconds: brokerError.retryAfterSeconds,
      });
      if (CLOSES_CONNECTION.has(brokerError.code)) connection.close();
    }
  }

  private fail(
    connection: BrokerConnection,
    code: BrokerErrorCode,
    message: string,
    id?: number,
  ): void {
    connection.send({ type: 'error', id, code, message });
    connection.close();
    this.options.onConnectionError?.(code, connection.id);
  }
}

/** Resolves once the peer has read enough of its answers, or is gone. */
function untilReadBelow(socket: Socket, bytes: number): Promise<void> {
  if (socket.writableLength <= bytes || socket.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

/** A peer that can't prove who it is gets no second try on the same connection. */
const CLOSES_CONNECTION: ReadonlySet<BrokerErrorCode> = new Set([
  'unauthorized',
  'not_authenticated',
  'assistant_revoked',
  'unsupported_protocol',
]);

function frameId(frame: unknown): number | undefined {
  if (typeof frame === 'object' && frame !== null && 'id' in frame) {
    const id = (frame as { id: unknown }).id;
    if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return id;
  }
  return undefined;
}

function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'unknown problem';
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'message';
  return `${where}: ${issue.message}`;
}

/** A socket file left by a crashed host is removed; one a live host still answers on is not. */
async function removeStaleSocket(socketPath: string): Promise<void> {
  const alive = await new Promise<boolean>((resolve) => {
    const probe = createConnection(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
  if (alive) {
    throw new BrokerError(
      'internal',
      'TuneBridge is already running for this data directory. Use the running one, or quit it first.',
    );
  }
  await rm(socketPath, { force: true });
}

function listenError(error: NodeJS.ErrnoException, socketPath: string): Error {
  if (error.code === 'EINVAL' || error.code === 'ENAMETOOLONG') {
    return new BrokerError(
      'internal',
      `The broker socket path is too long for this system (${socketPath}). Set TUNEBRIDGE_HOME to a shorter directory.`,
      undefined,
      { cause: error },
    );
  }
  return new BrokerError(
    'internal',
    `Could not open the broker socket at ${socketPath}: ${error.message}`,
    undefined,
    { cause: error },
  );
}
