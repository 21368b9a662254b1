/** What a shown notification must offer for the holder to know when it is done. */
export interface HeldNotification {
  once(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
}

/**
 * Keeps each shown notification reachable until it is clicked, closed or fails: one kept only in
 * a local variable can be garbage-collected, and its click listener with it.
 */
export class NotificationHolder<N extends HeldNotification> {
  readonly #held = new Set<N>();

  get size(): number {
    return this.#held.size;
  }

  show(notification: N): void {
    this.#held.add(notification);
    const release = () => this.#held.delete(notification);
    notification.once('click', release);
    notification.once('close', release);
    notification.once('failed', release);
    notification.show();
  }
}
