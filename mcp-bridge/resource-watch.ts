import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ResourceDefinition } from './resources/define-resource.js';
import type { BridgeContext } from './tool-context.js';

/** How often a subscribed resource is checked through the host; a few seconds is "now" enough. */
export const WATCH_INTERVAL_MS = 3_000;

interface Watch {
  resource: ResourceDefinition & { watch: NonNullable<ResourceDefinition['watch']> };
  last: string | undefined;
  timer: NodeJS.Timeout;
  polling: boolean;
}

/**
 * `resources/subscribe` for the resources that can be watched: while a client is subscribed the
 * bridge polls through the host and sends `notifications/resources/updated` when the content's
 * fingerprint changes; on unsubscribe (or when the policy hides it) the polling stops.
 */
export class ResourceWatch {
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly server: Server,
    private readonly context: BridgeContext,
    private readonly resources: readonly ResourceDefinition[],
    private readonly isShown: (name: string) => boolean,
    private readonly intervalMs = WATCH_INTERVAL_MS,
  ) {}

  /** Resolves once the current state is known, so a change right after it is noticed. */
  async subscribe(uri: string): Promise<void> {
    if (this.watches.has(uri)) return;
    const resource = this.resources.find((r) => r.watch?.uri === uri && this.isShown(r.name));
    if (!resource?.watch) {
      throw new McpError(ErrorCode.InvalidParams, `${uri} can't be subscribed to here.`);
    }
    const watch: Watch = {
      resource: resource as Watch['resource'],
      last: undefined,
      timer: setInterval(() => void this.check(watch), this.intervalMs),
      polling: false,
    };
    watch.timer.unref();
    this.watches.set(uri, watch);
    await this.check(watch);
  }

  unsubscribe(uri: string): void {
    const watch = this.watches.get(uri);
    if (!watch) return;
    clearInterval(watch.timer);
    this.watches.delete(uri);
  }

  /** Checks at once, e.g. right after a tool changed playback, rather than at the next tick. */
  checkNow(): void {
    for (const watch of this.watches.values()) void this.check(watch);
  }

  /** Drops watches on resources the policy no longer shows. */
  prune(): void {
    for (const [uri, watch] of this.watches) {
      if (!this.isShown(watch.resource.name)) this.unsubscribe(uri);
    }
  }

  close(): void {
    for (const uri of [...this.watches.keys()]) this.unsubscribe(uri);
  }

  private async check(watch: Watch): Promise<void> {
    if (watch.polling) return;
    watch.polling = true;
    try {
      const next = await watch.resource.watch.fingerprint(this.context);
      const changed = watch.last !== undefined && next !== watch.last;
      watch.last = next;
      if (changed && this.watches.get(watch.resource.watch.uri) === watch) {
        await this.server.sendResourceUpdated({ uri: watch.resource.watch.uri });
      }
    } catch {
      // TuneBridge not running or the player unreachable: try again at the next tick.
    } finally {
      watch.polling = false;
    }
  }
}
