import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { BridgeManifest } from './bridge-manifest.js';
import { PendingAnswers } from './pending-answers.js';

type RequestId = string | number;
interface IncomingRequest {
  jsonrpc: '2.0';
  id?: RequestId;
  method: string;
  params?: { protocolVersion?: unknown };
}

/** The id under which the client's `initialize` is replayed to the SDK; its answer is dropped. */
const REPLAYED_INITIALIZE_ID = 'tunebridge:replayed-initialize';

/**
 * A newline-delimited JSON-RPC transport over stdin/stdout that answers `initialize`, `ping` and
 * `tools/list` from the build-time manifest until the MCP SDK has loaded, then hands the session
 * over: the SDK server sees the client's `initialize` replayed first, then everything that
 * arrived while it loaded, in order. Clients start the bridge eagerly and list tools at once;
 * this keeps that first exchange at the cost of a bare Node start.
 */
export class FastStartTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;

  private buffered = '';
  private initialize: IncomingRequest | undefined;
  private initialized: IncomingRequest | undefined;
  private readonly waiting: unknown[] = [];
  private validate: ((message: unknown) => JSONRPCMessage) | undefined;
  private closed = false;
  /** Requests read but not yet answered: stdin closing waits for these, then the session ends. */
  private readonly pending = new PendingAnswers(() => void this.close());

  constructor(
    private readonly manifest: BridgeManifest | undefined,
    /** Called (once is enough) when a message needs the full bridge. */
    private readonly needRuntime: () => void,
    private readonly input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
  ) {}

  /** Starts reading stdin; the SDK's own start() call later is a no-op. */
  listen(): void {
    this.input.setEncoding('utf8');
    this.input.on('data', (chunk: string) => this.receiveChunk(chunk));
    this.input.on('end', () => this.pending.inputEnded());
    this.input.on('error', (error: Error) => this.onerror?.(error));
    // The client closing its end (EPIPE) just ends the session.
    this.output.on('error', () => void this.close());
  }

  async start(): Promise<void> {}

  /** Called once the SDK server is connected: replays what it missed, then passes through. */
  handOver(validate: (message: unknown) => JSONRPCMessage): void {
    this.validate = validate;
    if (this.initialize) this.deliver({ ...this.initialize, id: REPLAYED_INITIALIZE_ID });
    if (this.initialized) this.deliver(this.initialized);
    for (const message of this.waiting.splice(0)) this.deliver(message);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if ('id' in message && message.id === REPLAYED_INITIALIZE_ID && !('method' in message)) return;
    this.write(message);
    this.pending.sent(message);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.removeAllListeners('data');
    this.onclose?.();
  }

  private receiveChunk(chunk: string): void {
    this.buffered += chunk;
    let newline: number;
    while ((newline = this.buffered.indexOf('\n')) !== -1) {
      const line = this.buffered.slice(0, newline).replace(/\r$/, '');
      this.buffered = this.buffered.slice(newline + 1);
      if (line.trim() === '') continue;
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch {
        this.onerror?.(new Error('The MCP client sent a line that is not JSON; it was ignored.'));
        continue;
      }
      this.receive(message);
    }
  }

  private receive(message: unknown): void {
    this.pending.received(message);
    if (this.validate) return this.deliver(message);
    if (!this.answerEarly(message)) {
      this.waiting.push(message);
      this.needRuntime();
    }
  }

  private deliver(message: unknown): void {
    if (!this.validate) return;
    let valid: JSONRPCMessage;
    try {
      valid = this.validate(message);
    } catch {
      this.onerror?.(new Error('The MCP client sent a message that is not JSON-RPC; ignored.'));
      this.pending.sent(message);
      return;
    }
    this.onmessage?.(valid);
  }

  /** True when the manifest answered the message (or kept it for the replay). */
  private answerEarly(message: unknown): boolean {
    const manifest = this.manifest;
    if (!manifest || !isRequest(message)) return false;
    switch (message.method) {
      case 'initialize': {
        if (message.id === undefined || typeof message.params?.protocolVersion !== 'string') {
          return false;
        }
        const requested = message.params.protocolVersion;
        this.initialize = message;
        this.write({
          jsonrpc: '2.0',
          id: message.id,
          result: {
            protocolVersion: manifest.supportedProtocolVersions.includes(requested)
              ? requested
              : manifest.latestProtocolVersion,
            capabilities: manifest.capabilities,
            serverInfo: manifest.serverInfo,
            instructions: manifest.instructions,
          },
        });
        return true;
      }
      case 'notifications/initialized':
        if (!this.initialize) return false;
        this.initialized = message;
        return true;
      case 'ping':
      case 'tools/list':
        if (message.id === undefined || !this.initialize) return false;
        this.write({
          jsonrpc: '2.0',
          id: message.id,
          result: message.method === 'ping' ? {} : { tools: manifest.tools },
        });
        return true;
      default:
        return false;
    }
  }

  private write(message: unknown): void {
    if (this.closed) return;
    this.output.write(`${JSON.stringify(message)}\n`);
    this.pending.sent(message);
  }
}

function isRequest(message: unknown): message is IncomingRequest {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Record<string, unknown>;
  const id = candidate.id;
  return (
    candidate.jsonrpc === '2.0' &&
    typeof candidate.method === 'string' &&
    (id === undefined || typeof id === 'string' || typeof id === 'number') &&
    (candidate.params === undefined ||
      (typeof candidate.params === 'object' && candidate.params !== null))
  );
}
