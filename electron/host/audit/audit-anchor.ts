import * as z from 'zod';
import type { SecretStore } from '../vault/secret-store.js';

/** The newest record TuneBridge wrote: kept outside the log, so cutting or rewriting it shows. */
export const AuditHead = z.object({
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditHead = z.infer<typeof AuditHead>;

export interface AuditAnchor {
  read(): Promise<AuditHead | undefined>;
  write(head: AuditHead): Promise<void>;
  /** Where the head is kept, for messages: the secret store's own description. */
  readonly description: string;
}

const KEY = 'audit-head';
/** How far the anchor may trail the log while records keep coming. */
export const ANCHOR_INTERVAL_MS = 250;

/** The head kept in the secret store next to the tokens, under the same protection. */
export function secretStoreAnchor(store: SecretStore): AuditAnchor {
  return {
    description: store.description,
    async read() {
      const text = await store.get(KEY);
      if (text === undefined) return undefined;
      try {
        const parsed = AuditHead.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    write: (head) => store.set(KEY, JSON.stringify(head)),
  };
}

/**
 * Keeps the anchor up to date without a secret-store write per record (the passphrase store
 * derives a fresh key on every write): at most one write in flight, at most one per
 * `ANCHOR_INTERVAL_MS`, always the newest head. A failed write is retried with the next record;
 * the log itself never waits on it, and closing the log waits for the last one.
 */
export class AnchorWriter {
  private latest: AuditHead | undefined;
  private running: Promise<void> | undefined;
  private failures = 0;

  constructor(
    private readonly anchor: AuditAnchor,
    private readonly intervalMs = ANCHOR_INTERVAL_MS,
  ) {}

  update(head: AuditHead): void {
    this.latest = head;
    this.running ??= this.drain();
  }

  /** Resolves once the newest head is written (or its write failed). */
  async flush(): Promise<void> {
    await this.running;
  }

  get failedWrites(): number {
    return this.failures;
  }

  private async drain(): Promise<void> {
    try {
      while (this.latest) {
        const head = this.latest;
        this.latest = undefined;
        try {
          await this.anchor.write(head);
        } catch {
          this.failures += 1;
          // Leave it for the next record rather than spin on a store that is down.
          this.latest ??= head;
          return;
        }
        if (this.latest) await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
      }
    } finally {
      this.running = undefined;
    }
  }
}

/** The sentence an `alert` record starts with when the log no longer reaches the anchor. */
export const ANCHOR_BROKEN = 'The audit log no longer matches the head TuneBridge last recorded';

/** Compares the log's newest record with the anchor; a sentence when they disagree. */
export function anchorProblem(
  head: AuditHead | undefined,
  found: { seq: number; hashAt: (seq: number) => string | undefined },
): string | undefined {
  if (!head) return undefined;
  if (found.seq < head.seq) {
    return `${ANCHOR_BROKEN}: it ends at record ${found.seq}, but TuneBridge had written up to record ${head.seq}. Records were removed from the end.`;
  }
  const hash = found.hashAt(head.seq);
  if (hash !== head.hash) {
    return `${ANCHOR_BROKEN}: record ${head.seq} is not the one TuneBridge wrote. The log was rewritten.`;
  }
  return undefined;
}
