/**
 * Limits for one broker connection's unread answers and for connections that haven't said hello.
 * An authenticated peer that never reads, or a keyless process that opens sockets and says
 * nothing, must not be able to grow the host's memory or hold every slot.
 */
export interface ConnectionLimits {
  /** Unread answer bytes past which the host stops reading (and serving) that peer. */
  pauseAtUnreadBytes: number;
  /** Unread answer bytes past which the peer is dropped (e.g. pushed events it never reads). */
  dropAtUnreadBytes: number;
  /** Connections that haven't said hello yet; a new one past this evicts the oldest. */
  maxUnauthenticated: number;
  /** How long a connection may take to say hello. */
  helloTimeoutMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  pauseAtUnreadBytes: 1024 * 1024,
  dropAtUnreadBytes: 8 * 1024 * 1024,
  maxUnauthenticated: 8,
  helloTimeoutMs: 3_000,
};

/** Evictions within this window count towards one flood. */
const FLOOD_WINDOW_MS = 60_000;
/** Evictions in one window that make a flood worth telling the person about. */
const FLOOD_EVICTIONS = 32;

/**
 * Counts evictions of connections that never said hello. Bridges and the CLI say hello at once,
 * so many evictions in a minute means something is holding sockets open on purpose: reported
 * once per window, not once per socket.
 */
export class PreHelloFloodMeter {
  private evictions: number[] = [];
  private quietUntil = 0;

  /** Returns how many evictions the window holds when a flood starts, otherwise undefined. */
  evicted(at: number): number | undefined {
    this.evictions = this.evictions.filter((t) => at - t < FLOOD_WINDOW_MS);
    this.evictions.push(at);
    if (this.evictions.length < FLOOD_EVICTIONS || at < this.quietUntil) return undefined;
    this.quietUntil = at + FLOOD_WINDOW_MS;
    return this.evictions.length;
  }
}
