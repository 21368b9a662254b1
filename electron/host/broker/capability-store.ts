import { createHash, randomBytes } from 'node:crypto';
import type { ProviderId } from '../../../protocol/providers.js';

/** The most a capability may live; the broker re-checks policy at every issue. */
export const MAX_CAPABILITY_TTL_MS = 5 * 60 * 1000;

export interface Capability {
  assistantId: string;
  provider: ProviderId;
  scopes: ReadonlySet<string>;
  expiresAt: number;
}

export type CapabilityCheck =
  | { ok: true; capability: Capability }
  | { ok: false; reason: 'capability_invalid' | 'capability_expired' };

/**
 * Short-lived bearer handles that stand in for provider tokens on the bridge side. Only their
 * hashes are kept, so a heap dump of the map can't be replayed against the broker.
 */
export class CapabilityStore {
  private readonly byHash = new Map<string, Capability>();

  constructor(
    private readonly ttlMs = MAX_CAPABILITY_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  issue(grant: Omit<Capability, 'expiresAt'>): { token: string; expiresAt: number } {
    this.sweep();
    const token = `tbc_${randomBytes(32).toString('base64url')}`;
    const expiresAt = this.now() + Math.min(this.ttlMs, MAX_CAPABILITY_TTL_MS);
    this.byHash.set(hashToken(token), { ...grant, expiresAt });
    return { token, expiresAt };
  }

  check(token: string, assistantId: string, provider: ProviderId): CapabilityCheck {
    const hash = hashToken(token);
    const capability = this.byHash.get(hash);
    // A capability is bound to the connection's client: a leaked handle is useless to another.
    if (!capability || capability.assistantId !== assistantId || capability.provider !== provider) {
      return { ok: false, reason: 'capability_invalid' };
    }
    if (capability.expiresAt <= this.now()) {
      this.byHash.delete(hash);
      return { ok: false, reason: 'capability_expired' };
    }
    return { ok: true, capability };
  }

  revokeWhere(matches: (capability: Capability) => boolean): number {
    let revoked = 0;
    for (const [hash, capability] of this.byHash) {
      if (matches(capability)) {
        this.byHash.delete(hash);
        revoked += 1;
      }
    }
    return revoked;
  }

  private sweep(): void {
    const now = this.now();
    for (const [hash, capability] of this.byHash) {
      if (capability.expiresAt <= now) this.byHash.delete(hash);
    }
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
