import { seededRandom, type Random } from '../seeded-random.js';
import type { Fault, RandomFaults } from '../types.js';

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

/**
 * Load-test noise: each API request fails with the given share, picking a status at random.
 * Seeded, so a run with the same seed and the same requests fails the same ones.
 */
export class RandomFaultSource {
  private config: RandomFaults | undefined;
  private random: Random = seededRandom(0);

  set(config: RandomFaults | undefined): void {
    if (config && (config.share < 0 || config.share > 1 || config.statuses.length === 0)) {
      throw new RangeError('Random faults need a share between 0 and 1 and at least one status.');
    }
    this.config = config;
    this.random = seededRandom(config?.seed ?? Date.now());
  }

  take(): FaultHit | undefined {
    const config = this.config;
    if (!config || this.random() >= config.share) return undefined;
    const status = config.statuses[Math.floor(this.random() * config.statuses.length)];
    if (status === undefined) return undefined;
    return {
      status,
      retryAfterSeconds: status === 429 ? (config.retryAfterSeconds ?? 1) : undefined,
    };
  }
}
