/** After stdin ends, the longest the bridge waits for answers it still owes (a call's budget). */
const DRAIN_LIMIT_MS = 30_000;

/**
 * The requests a client sent that the bridge has not answered yet. A client may close stdin
 * right after its last request (`printf … | tunebridge bridge`); the session then ends once
 * every request already read is answered, not before and not much after.
 */
export class PendingAnswers {
  private readonly ids = new Set<string | number>();
  private ended = false;
  private done = false;

  constructor(private readonly onDrained: () => void) {}

  /** A message from the client: a request with an id is owed an answer. */
  received(message: unknown): void {
    const id = requestId(message);
    if (id !== undefined) this.ids.add(id);
  }

  /** A message to the client, or one dropped: an answer settles its request. */
  sent(message: unknown): void {
    const id = answerId(message) ?? requestId(message);
    if (id === undefined) return;
    this.ids.delete(id);
    this.check();
  }

  inputEnded(): void {
    this.ended = true;
    // A call that never settles must not keep the process alive for good.
    setTimeout(() => this.finish(), DRAIN_LIMIT_MS).unref();
    this.check();
  }

  private check(): void {
    if (this.ended && this.ids.size === 0) this.finish();
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.onDrained();
  }
}

function requestId(message: unknown): string | number | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  if (typeof m.method !== 'string') return undefined;
  return typeof m.id === 'string' || typeof m.id === 'number' ? m.id : undefined;
}

function answerId(message: unknown): string | number | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  if (!('result' in m) && !('error' in m)) return undefined;
  return typeof m.id === 'string' || typeof m.id === 'number' ? m.id : undefined;
}
