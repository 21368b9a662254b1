/** One MCP progress notification's content (the bridge adds the client's progress token). */
export interface ProgressUpdate {
  progress: number;
  message: string;
}

// Often enough to keep a client's request timer from running out, rarely enough to be no load.
const INTERVAL_MS = 1000;

/**
 * Progress of one tool call, for clients that sent a progress token. Copying or syncing a
 * 10,000-track playlist takes minutes; without notifications the person sees nothing and clients
 * that time requests out give up on a call that is still working. `progress` counts what the
 * call has done (requests sent, steps begun), so it only ever grows, as MCP requires; `message`
 * says what it is doing. The first step is sent at once, later ones at most once a second.
 */
export class ToolProgress {
  private done = 0;
  private message = '';
  private lastSentAt: number | undefined;

  constructor(
    private readonly send?: (update: ProgressUpdate) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** What the call is doing now, in a sentence for the person ("Searching TIDAL: 40 of 300"). */
  step(message: string): void {
    this.message = message;
    this.advance();
  }

  /** A request went to a provider. */
  requested(): void {
    this.advance();
  }

  private advance(): void {
    this.done += 1;
    if (!this.send || !this.message) return;
    const now = this.now();
    if (this.lastSentAt !== undefined && now - this.lastSentAt < INTERVAL_MS) return;
    this.lastSentAt = now;
    this.send({ progress: this.done, message: this.message });
  }
}
