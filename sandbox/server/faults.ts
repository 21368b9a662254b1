import type { Fault } from '../types.js';

/** A fault that matched a request, with what is left of it already accounted for. */
export interface FaultHit {
  status: Fault['status'];
  retryAfterSeconds: number | undefined;
}

/**
 * Injected failures, applied to API requests in the order they were queued. A fault with a
 * `pathPrefix` waits for a matching request; earlier faults do not block later ones that match.
 */
export class FaultQueue {
  private readonly queue: Array<Fault & { remaining: number }> = [];

  add(faults: readonly Fault[]): void {
    for (const fault of faults) this.queue.push({ ...fault, remaining: fault.times ?? 1 });
  }

  take(path: string): FaultHit | undefined {
    const index = this.queue.findIndex(
      (fault) => !fault.pathPrefix || path.startsWith(fault.pathPrefix),
    );
    const fault = this.queue[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.queue.splice(index, 1);
    return {
      status: fault.status,
      retryAfterSeconds: fault.retryAfterSeconds ?? (fault.status === 429 ? 1 : undefined),
    };
  }
}
