import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DEFAULT_CLIENT_POLICY, type ClientPolicy } from '../../../protocol/policy.js';
import type { ClientSummary } from '../../../protocol/broker.js';
import type { ClientRecord } from '../settings/settings-schema.js';
import type { SettingsStore } from '../settings/settings-store.js';

/**
 * The assistants a person has connected. Each gets its own key, shown once; the host keeps only
 * a SHA-256 of it (the key is 256 random bits, so a slow hash would add nothing).
 */
export class ClientRegistry {
  constructor(
    private readonly settings: SettingsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  issue(
    name: string,
    policy: ClientPolicy = DEFAULT_CLIENT_POLICY,
    mcpClient?: string,
  ): { client: ClientRecord; clientKey: string } {
    const clientKey = `tbk_${randomBytes(32).toString('base64url')}`;
    const client: ClientRecord = {
      clientId: randomUUID(),
      name,
      keyHash: hashKey(clientKey),
      createdAt: this.now().toISOString(),
      policy,
      ...(mcpClient ? { mcpClient } : {}),
    };
    this.settings.update((s) => ({ ...s, clients: [...s.clients, client] }));
    return { client, clientKey };
  }

  /** Every stored hash is compared in constant time, so timing reveals neither match nor position. */
  authenticate(clientKey: string): ClientRecord | undefined {
    const presented = Buffer.from(hashKey(clientKey), 'hex');
    let found: ClientRecord | undefined;
    for (const client of this.settings.read().clients) {
      const stored = Buffer.from(client.keyHash, 'hex');
      if (
        stored.length === presented.length &&
        timingSafeEqual(stored, presented) &&
        !client.revokedAt
      ) {
        found = client;
      }
    }
    return found;
  }

  get(clientId: string): ClientRecord | undefined {
    return this.settings.read().clients.find((c) => c.clientId === clientId);
  }

  list(): ClientRecord[] {
    return this.settings.read().clients;
  }

  /** Replaces what the person allows this assistant; applies from its next request. */
  setPolicy(clientId: string, policy: ClientPolicy): void {
    this.settings.update((s) => ({
      ...s,
      clients: s.clients.map((c) => (c.clientId === clientId ? { ...c, policy } : c)),
    }));
  }

  /** Revokes the key for good; false when there was no such (unrevoked) assistant. */
  revoke(clientId: string): boolean {
    const client = this.get(clientId);
    if (!client || client.revokedAt) return false;
    const at = this.now().toISOString();
    this.settings.update((s) => ({
      ...s,
      clients: s.clients.map((c) => (c.clientId === clientId ? { ...c, revokedAt: at } : c)),
    }));
    return true;
  }

  /** Pauses or resumes every assistant that is not revoked. */
  setAllPaused(paused: boolean): void {
    this.settings.update((s) => ({
      ...s,
      clients: s.clients.map((c) => (c.revokedAt ? c : { ...c, policy: { ...c.policy, paused } })),
    }));
  }

  markSeen(clientId: string): void {
    const at = this.now().toISOString();
    this.settings.update((s) => ({
      ...s,
      clients: s.clients.map((c) => (c.clientId === clientId ? { ...c, lastSeenAt: at } : c)),
    }));
  }
}

export function summarizeClient(client: ClientRecord): ClientSummary {
  return {
    clientId: client.clientId,
    name: client.name,
    createdAt: client.createdAt,
    lastSeenAt: client.lastSeenAt,
    revoked: client.revokedAt !== undefined,
    policy: client.policy,
  };
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
