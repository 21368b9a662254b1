import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DEFAULT_CLIENT_POLICY, type ClientPolicy } from '../../../protocol/policy.js';
import type { ClientSummary } from '../../../protocol/broker.js';
import type { ClientRecord } from '../settings/settings-schema.js';
import type { SettingsStore } from '../settings/settings-store.js';
import { UNNAMED_ASSISTANT, uniqueName } from '../clients/assistant-names.js';

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
    const clientKey = newKey();
    const unnamed = name.trim() === '' || name === UNNAMED_ASSISTANT;
    const client: ClientRecord = {
      clientId: randomUUID(),
      name: uniqueName(name, this.activeNames()),
      ...(unnamed ? { nameFromClient: true } : {}),
      keyHash: hashKey(clientKey),
      createdAt: this.now().toISOString(),
      policy,
      ...(mcpClient ? { mcpClient } : {}),
    };
    this.settings.update((s) => ({ ...s, clients: [...s.clients, client] }));
    return { client, clientKey };
  }

  /** The names of assistants still connected, which a new or renamed one must not repeat. */
  private activeNames(exceptClientId?: string): string[] {
    return this.list()
      .filter((c) => !c.revokedAt && c.clientId !== exceptClientId)
      .map((c) => c.name);
  }

  /** Gives an assistant a name its MCP client told; made unique, and no longer provisional. */
  rename(clientId: string, name: string): ClientRecord | undefined {
    const unique = uniqueName(name, this.activeNames(clientId));
    this.settings.update((s) => ({
      ...s,
      clients: s.clients.map((c) => {
        if (c.clientId !== clientId) return c;
        const renamed: ClientRecord = { ...c, name: unique };
        delete renamed.nameFromClient;
        return renamed;
      }),
    }));
    return this.get(clientId);
  }

  /**
   * A new key for the same assistant (connecting its MCP client again): the old key stops
   * working, the permissions stay. Returns the previous hash, for `restoreKey` if writing the
   * new key out fails.
   */
  rekey(clientId: string): { client: ClientRecord; clientKey: string; previousHash: string } {
    const client = this.get(clientId);
    if (!client || client.revokedAt) throw new Error(`No active assistant ${clientId}`);
    const clientKey = newKey();
    this.setKeyHash(clientId, hashKey(clientKey));
    return {
      client: { ...client, keyHash: hashKey(clientKey) },
      clientKey,
      previousHash: client.keyHash,
    };
  }

  restoreKey(clientId: string, keyHash: string): void {
    this.setKeyHash(clientId, keyHash);
  }

  private setKeyHash(clientId: string, keyHash: string): void {
    this.settings.update((s) => ({
      ...s,
      clients: s.clients.map((c) => (c.clientId === clientId ? { ...c, keyHash } : c)),
    }));
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

function newKey(): string {
  return `tbk_${randomBytes(32).toString('base64url')}`;
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
