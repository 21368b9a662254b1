import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DEFAULT_ASSISTANT_POLICY, type AssistantPolicy } from '../../../protocol/policy.js';
import type { AssistantSummary } from '../../../protocol/broker.js';
import type { ClientRecord } from '../settings/settings-schema.js';
import type { SettingsStore } from '../settings/settings-store.js';
import { UNNAMED_ASSISTANT, uniqueName } from '../clients/assistant-names.js';

/**
 * An assistant as the host works with it. settings.json keeps its older shape (`clients[]`,
 * `clientId`) so existing data folders read unchanged; this module is the only one that knows.
 */
export type AssistantRecord = Omit<ClientRecord, 'clientId'> & { assistantId: string };

function fromStored({ clientId, ...rest }: ClientRecord): AssistantRecord {
  return { assistantId: clientId, ...rest };
}

function toStored({ assistantId, ...rest }: AssistantRecord): ClientRecord {
  return { clientId: assistantId, ...rest };
}

/**
 * The assistants a person has connected. Each gets its own key, shown once; the host keeps only
 * a SHA-256 of it (the key is 256 random bits, so a slow hash would add nothing).
 */
export class AssistantRegistry {
  constructor(
    private readonly settings: SettingsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  issue(
    name: string,
    policy: AssistantPolicy = DEFAULT_ASSISTANT_POLICY,
    mcpClient?: string,
  ): { assistant: AssistantRecord; assistantKey: string } {
    const assistantKey = newKey();
    const unnamed = name.trim() === '' || name === UNNAMED_ASSISTANT;
    const assistant: AssistantRecord = {
      assistantId: randomUUID(),
      name: uniqueName(name, this.activeNames()),
      ...(unnamed ? { nameFromClient: true } : {}),
      keyHash: hashKey(assistantKey),
      createdAt: this.now().toISOString(),
      policy,
      ...(mcpClient ? { mcpClient } : {}),
    };
    this.settings.update((s) => ({ ...s, clients: [...s.clients, toStored(assistant)] }));
    return { assistant, assistantKey };
  }

  /** Every stored hash is compared in constant time, so timing reveals neither match nor position. */
  authenticate(assistantKey: string): AssistantRecord | undefined {
    const presented = Buffer.from(hashKey(assistantKey), 'hex');
    let found: ClientRecord | undefined;
    for (const stored of this.settings.read().clients) {
      const hash = Buffer.from(stored.keyHash, 'hex');
      if (
        hash.length === presented.length &&
        timingSafeEqual(hash, presented) &&
        !stored.revokedAt
      ) {
        found = stored;
      }
    }
    return found && fromStored(found);
  }

  get(assistantId: string): AssistantRecord | undefined {
    const stored = this.settings.read().clients.find((c) => c.clientId === assistantId);
    return stored && fromStored(stored);
  }

  list(): AssistantRecord[] {
    return this.settings.read().clients.map(fromStored);
  }

  /** Replaces what the person allows this assistant; applies from its next request. */
  setPolicy(assistantId: string, policy: AssistantPolicy): void {
    this.updateOne(assistantId, (c) => ({ ...c, policy }));
  }

  /** Revokes the key for good; false when there was no such (unrevoked) assistant. */
  revoke(assistantId: string): boolean {
    const assistant = this.get(assistantId);
    if (!assistant || assistant.revokedAt) return false;
    const at = this.now().toISOString();
    this.updateOne(assistantId, (c) => ({ ...c, revokedAt: at }));
    return true;
  }

  /** Pauses or resumes every assistant that is not revoked. */
  setAllPaused(paused: boolean): void {
    this.settings.update((s) => ({
      ...s,
      clients: s.clients.map((c) => (c.revokedAt ? c : { ...c, policy: { ...c.policy, paused } })),
    }));
  }

  /** The names of assistants still connected, which a new or renamed one must not repeat. */
  private activeNames(exceptAssistantId?: string): string[] {
    return this.list()
      .filter((a) => !a.revokedAt && a.assistantId !== exceptAssistantId)
      .map((a) => a.name);
  }

  /** Gives an assistant a name its MCP client told; made unique, and no longer provisional. */
  rename(assistantId: string, name: string): AssistantRecord | undefined {
    const unique = uniqueName(name, this.activeNames(assistantId));
    this.updateOne(assistantId, (c) => {
      const renamed: ClientRecord = { ...c, name: unique };
      delete renamed.nameFromClient;
      return renamed;
    });
    return this.get(assistantId);
  }

  /**
   * A new key for the same assistant (connecting its MCP client again): the old key stops
   * working, the permissions stay. Returns the previous hash, for `restoreKey` if writing the
   * new key out fails.
   */
  rekey(assistantId: string): {
    assistant: AssistantRecord;
    assistantKey: string;
    previousHash: string;
  } {
    const assistant = this.get(assistantId);
    if (!assistant || assistant.revokedAt) throw new Error(`No active assistant ${assistantId}`);
    const assistantKey = newKey();
    const keyHash = hashKey(assistantKey);
    this.updateOne(assistantId, (c) => ({ ...c, keyHash }));
    return { assistant: { ...assistant, keyHash }, assistantKey, previousHash: assistant.keyHash };
  }

  restoreKey(assistantId: string, keyHash: string): void {
    this.updateOne(assistantId, (c) => ({ ...c, keyHash }));
  }

  markSeen(assistantId: string): void {
    const at = this.now().toISOString();
    this.updateOne(assistantId, (c) => ({ ...c, lastSeenAt: at }));
  }

  private updateOne(assistantId: string, change: (stored: ClientRecord) => ClientRecord): void {
    this.settings.update((s) => ({
      ...s,
      clients: s.clients.map((c) => (c.clientId === assistantId ? change(c) : c)),
    }));
  }
}

export function summarizeAssistant(assistant: AssistantRecord): AssistantSummary {
  return {
    assistantId: assistant.assistantId,
    name: assistant.name,
    createdAt: assistant.createdAt,
    lastSeenAt: assistant.lastSeenAt,
    revoked: assistant.revokedAt !== undefined,
    policy: assistant.policy,
  };
}

function newKey(): string {
  return `tbk_${randomBytes(32).toString('base64url')}`;
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
