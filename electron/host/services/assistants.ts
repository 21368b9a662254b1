import type { AuditQuery, AuditRecord } from '../../../protocol/audit.js';
import type { AssistantSummary } from '../../../protocol/broker.js';
import { PERMISSION_GROUP_LABELS, type AssistantPolicy } from '../../../protocol/policy.js';
import { HostError } from '../errors.js';
import { summarizeAssistant, type AssistantRecord } from '../broker/assistant-registry.js';
import { nameForMcpClient } from '../clients/assistant-names.js';
import type { McpClientId } from '../../../protocol/broker.js';
import type { HostDeps, HostStatus, IssuedAssistant } from './host-types.js';

/**
 * Issuing, revoking, pausing and setting the policy of assistants; each change kills outstanding
 * capabilities at once, so it applies to the very next call.
 */
export class AssistantsService {
  constructor(private readonly deps: HostDeps) {}

  status(): HostStatus {
    return {
      sandbox: this.deps.sandbox,
      providers: this.deps.accounts.summaries(),
      assistants: this.deps.assistants.list().map(summarizeAssistant),
    };
  }

  async issueAssistant(name: string, mcpClient?: McpClientId): Promise<IssuedAssistant> {
    const { assistant, assistantKey } = this.deps.assistants.issue(name, undefined, mcpClient);
    await this.deps.record({
      kind: 'assistant.issued',
      outcome: 'ok',
      assistantId: assistant.assistantId,
      assistantName: assistant.name,
      message: `Read-only access to start with: ${assistant.policy.groups.map((g) => PERMISSION_GROUP_LABELS[g]).join(', ')}`,
    });
    this.deps.events.emit('assistants.changed');
    return {
      assistant: summarizeAssistant(assistant),
      assistantKey,
      entry: this.deps.bridgeEntry(assistantKey),
    };
  }

  /** A new key for the same assistant, its permissions kept; see `AssistantRegistry.rekey`. */
  async rekeyAssistant(assistantId: string): Promise<IssuedAssistant & { restore(): void }> {
    const { assistant, assistantKey, previousHash } = this.deps.assistants.rekey(assistantId);
    this.deps.capabilities.revokeWhere((capability) => capability.assistantId === assistantId);
    await this.deps.record({
      kind: 'assistant.issued',
      outcome: 'ok',
      assistantId,
      assistantName: assistant.name,
      message:
        'Connected again: a new key for the same assistant, its permissions kept. The old key no longer works.',
    });
    this.deps.events.emit('assistants.changed');
    return {
      assistant: summarizeAssistant(assistant),
      assistantKey,
      entry: this.deps.bridgeEntry(assistantKey),
      restore: () => this.deps.assistants.restoreKey(assistantId, previousHash),
    };
  }

  /**
   * An assistant TuneBridge named for now takes the name its MCP client gives at hello
   * ("Claude Desktop" for `claude-ai`), made unique. Returns the record as it now stands.
   */
  adoptAssistantName(assistant: AssistantRecord, reportedName: string): AssistantRecord {
    const name = assistant.nameFromClient ? nameForMcpClient(reportedName) : undefined;
    if (!name) return assistant;
    const renamed = this.deps.assistants.rename(assistant.assistantId, name) ?? assistant;
    this.deps.events.emit('assistants.changed');
    return renamed;
  }

  async revokeAssistant(assistantId: string): Promise<void> {
    const assistant = this.requireAssistant(assistantId);
    this.deps.assistants.revoke(assistantId);
    this.deps.capabilities.revokeWhere((capability) => capability.assistantId === assistantId);
    await this.deps.record({
      kind: 'assistant.revoked',
      outcome: 'ok',
      assistantId,
      assistantName: assistant.name,
      message: 'Key revoked; its bridges were disconnected.',
    });
    this.deps.events.emit('assistant.revoked', assistantId);
    this.deps.events.emit('assistants.changed');
  }

  async setPolicy(assistantId: string, policy: AssistantPolicy): Promise<AssistantSummary> {
    const assistant = this.requireAssistant(assistantId);
    this.deps.assistants.setPolicy(assistantId, policy);
    this.deps.capabilities.revokeWhere((capability) => capability.assistantId === assistantId);
    const allowed = policy.groups.map((group) => PERMISSION_GROUP_LABELS[group]).join(', ');
    await this.deps.record({
      kind: 'assistant.policy',
      outcome: 'ok',
      assistantId,
      assistantName: assistant.name,
      message: policy.paused
        ? 'Paused'
        : `May: ${allowed || 'nothing'}; providers: ${policy.providers.join(', ') || 'none'}`,
    });
    this.deps.events.emit('policy.changed', assistantId);
    this.deps.events.emit('assistants.changed');
    return summarizeAssistant(this.requireAssistant(assistantId));
  }

  async pauseAll(paused: boolean): Promise<void> {
    this.deps.assistants.setAllPaused(paused);
    this.deps.capabilities.revokeWhere(() => true);
    await this.deps.record({
      kind: 'assistant.policy',
      outcome: 'ok',
      message: paused ? 'All assistants paused' : 'All assistants resumed',
    });
    for (const assistant of this.deps.assistants.list())
      this.deps.events.emit('policy.changed', assistant.assistantId);
    this.deps.events.emit('assistants.changed');
  }

  queryAudit(query: AuditQuery): Promise<AuditRecord[]> {
    return this.deps.audit.query(query);
  }

  private requireAssistant(assistantId: string) {
    const assistant = this.deps.assistants.get(assistantId);
    if (!assistant || assistant.revokedAt) {
      throw new HostError(
        'not_found',
        'There is no such assistant (it may have been revoked already). Refresh the list of assistants.',
      );
    }
    return assistant;
  }
}
