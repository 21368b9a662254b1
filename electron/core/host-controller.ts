import type { EventEmitter } from 'node:events';
import type { AuditEvent, AuditQuery, AuditRecord } from '../../protocol/audit.js';
import type { ClientSummary, McpServerEntry } from '../../protocol/broker.js';
import { PERMISSION_GROUP_LABELS, type ClientPolicy } from '../../protocol/policy.js';
import { PROVIDER_NAMES, type AccountSummary, type ProviderId } from '../../protocol/providers.js';
import type { AccountService } from './accounts/account-service.js';
import type { LoginAttempt, LoginService } from './accounts/login-service.js';
import type { AuditLog } from './audit/audit-log.js';
import type { HostAlert } from './audit/security-alarms.js';
import { revokeAtProvider } from './auth/token-revocation.js';
import type { TokenManager } from './auth/token-manager.js';
import { BrokerError } from './broker/broker-error.js';
import type { CapabilityStore } from './broker/capability-store.js';
import { summarizeClient, type ClientRegistry } from './broker/client-registry.js';
import type { ProviderFetch } from './http/secure-fetch.js';
import type { McpClientId } from '../../protocol/broker.js';
import { ClientConfigError } from './clients/client-config-error.js';
import { configPath, currentEnvironment, type ClientEnvironment } from './clients/client-paths.js';
import {
  checkAssistant,
  connectAssistant,
  disconnectAssistant,
  type AssistantKeys,
  type Connected,
  type Disconnected,
  type EntryHealth,
} from './clients/connect-assistant.js';
import { watchConfigFile, type DriftWatch } from './clients/drift-watch.js';
import { MCP_CLIENTS } from './clients/mcp-clients.js';

export interface HostEvents {
  'providers.changed': [];
  'clients.changed': [];
  /** A client's policy changed (or it was paused or revoked): its bridges must re-check. */
  'policy.changed': [clientId: string];
  /** Bridges of this client must be cut off now. */
  'client.revoked': [clientId: string];
  'audit.appended': [record: AuditRecord];
  'login.finished': [outcome: LoginOutcome];
  /** Something the person should hear about now (tray state and a notification). */
  alert: [alert: HostAlert];
  /** An MCP client's entry was checked (at start or after its file changed). */
  'assistant.health': [report: AssistantHealth];
}

export interface AssistantHealth {
  mcpClient: McpClientId;
  health: EntryHealth;
  /** An active assistant was connected to this client, so anything but `ok` needs a repair. */
  needsRepair: boolean;
}

export interface LoginOutcome {
  provider: ProviderId;
  ok: boolean;
  message: string;
}

export interface HostStatus {
  sandbox: boolean;
  providers: AccountSummary[];
  clients: ClientSummary[];
}

export interface IssuedClient {
  client: ClientSummary;
  clientKey: string;
  entry: McpServerEntry;
}

/**
 * What a person can do to the host: the one place the CLI's control connection, the headless
 * UI and the desktop window all go through, so a pause or revoke means the same everywhere and
 * takes effect at once — outstanding capabilities die with it.
 */
export class HostController {
  constructor(
    private readonly deps: {
      sandbox: boolean;
      accounts: AccountService;
      clients: ClientRegistry;
      capabilities: CapabilityStore;
      login: LoginService;
      tokens: TokenManager;
      audit: AuditLog;
      record: (event: AuditEvent) => Promise<unknown>;
      events: EventEmitter<HostEvents>;
      fetch: ProviderFetch;
      bridgeEntry: (clientKey: string) => McpServerEntry;
      /** Whose MCP client configs connect edits; the host's own HOME and platform by default. */
      clientEnvironment?: ClientEnvironment;
    },
  ) {}

  status(): HostStatus {
    return {
      sandbox: this.deps.sandbox,
      providers: this.deps.accounts.summaries(),
      clients: this.deps.clients.list().map(summarizeClient),
    };
  }

  startLogin(provider: ProviderId): Promise<LoginAttempt> {
    return this.deps.login.start(provider);
  }

  /** Revokes at the provider where it can, and always erases our copy of the tokens. */
  async logout(provider: ProviderId): Promise<void> {
    const { accounts, capabilities, tokens } = this.deps;
    const runtime = accounts.runtime(provider);
    const stored = await accounts.storedTokens(provider).catch(() => undefined);
    const revocation =
      runtime && stored ? await revokeAtProvider(runtime.oauth, stored, this.deps.fetch) : 'failed';
    capabilities.revokeWhere((capability) => capability.provider === provider);
    tokens.forget(provider);
    await accounts.disconnect(provider);
    const name = PROVIDER_NAMES[provider];
    await this.deps.record({
      kind: 'logout',
      outcome: 'ok',
      provider,
      message:
        revocation === 'revoked'
          ? `Logged out of ${name}; ${name} revoked the tokens.`
          : `Logged out of ${name}; TuneBridge erased its tokens. ${name} offers no revocation endpoint: remove TuneBridge under your ${name} account's apps to cut it off there too.`,
    });
    this.deps.events.emit('providers.changed');
  }

  async issueClient(name: string): Promise<IssuedClient> {
    const { client, clientKey } = this.deps.clients.issue(name);
    await this.deps.record({
      kind: 'client.issued',
      outcome: 'ok',
      clientId: client.clientId,
      clientName: client.name,
      message: `Read-only access to start with: ${client.policy.groups.map((g) => PERMISSION_GROUP_LABELS[g]).join(', ')}`,
    });
    this.deps.events.emit('clients.changed');
    return { client: summarizeClient(client), clientKey, entry: this.deps.bridgeEntry(clientKey) };
  }

  async revokeClient(clientId: string): Promise<void> {
    const client = this.requireClient(clientId);
    this.deps.clients.revoke(clientId);
    this.deps.capabilities.revokeWhere((capability) => capability.clientId === clientId);
    await this.deps.record({
      kind: 'client.revoked',
      outcome: 'ok',
      clientId,
      clientName: client.name,
      message: 'Key revoked; its bridges were disconnected.',
    });
    this.deps.events.emit('client.revoked', clientId);
    this.deps.events.emit('clients.changed');
  }

  async setPolicy(clientId: string, policy: ClientPolicy): Promise<ClientSummary> {
    const client = this.requireClient(clientId);
    this.deps.clients.setPolicy(clientId, policy);
    this.deps.capabilities.revokeWhere((capability) => capability.clientId === clientId);
    const allowed = policy.groups.map((group) => PERMISSION_GROUP_LABELS[group]).join(', ');
    await this.deps.record({
      kind: 'client.policy',
      outcome: 'ok',
      clientId,
      clientName: client.name,
      message: policy.paused
        ? 'Paused'
        : `May: ${allowed || 'nothing'}; providers: ${policy.providers.join(', ') || 'none'}`,
    });
    this.deps.events.emit('policy.changed', clientId);
    this.deps.events.emit('clients.changed');
    return summarizeClient(this.requireClient(clientId));
  }

  async pauseAll(paused: boolean): Promise<void> {
    this.deps.clients.setAllPaused(paused);
    this.deps.capabilities.revokeWhere(() => true);
    await this.deps.record({
      kind: 'client.policy',
      outcome: 'ok',
      message: paused ? 'All assistants paused' : 'All assistants resumed',
    });
    for (const client of this.deps.clients.list())
      this.deps.events.emit('policy.changed', client.clientId);
    this.deps.events.emit('clients.changed');
  }

  queryAudit(query: AuditQuery): Promise<AuditRecord[]> {
    return this.deps.audit.query(query);
  }

  /** Issue 6: writes the `tunebridge` entry into that client's config with a fresh key. */
  async connectAssistant(mcpClient: McpClientId): Promise<Connected> {
    return this.configErrors(() =>
      connectAssistant(mcpClient, this.assistantKeys(), this.clientEnvironment()),
    );
  }

  /** Removes exactly our entry from that client's config and revokes the key it held. */
  async disconnectAssistant(mcpClient: McpClientId): Promise<Disconnected> {
    return this.configErrors(() =>
      disconnectAssistant(mcpClient, this.assistantKeys(), this.clientEnvironment()),
    );
  }

  async checkAssistant(mcpClient: McpClientId): Promise<AssistantHealth> {
    const health = await checkAssistant(mcpClient, this.assistantKeys(), this.clientEnvironment());
    const name = MCP_CLIENTS[mcpClient].displayName;
    const connected = this.deps.clients.list().some((c) => !c.revokedAt && c.name === name);
    return { mcpClient, health, needsRepair: health.status !== 'ok' && connected };
  }

  /**
   * Checks the client's entry now and whenever its file changes, emitting `assistant.health`; the
   * repair is `connectAssistant`. The host watches Claude Desktop, which is known to drop
   * `mcpServers` when it rewrites its file.
   */
  watchAssistant(mcpClient: McpClientId = 'claude-desktop'): DriftWatch {
    return watchConfigFile({
      path: configPath(mcpClient, this.clientEnvironment()),
      check: () => this.checkAssistant(mcpClient),
      onResult: (report) => this.deps.events.emit('assistant.health', report),
    });
  }

  private assistantKeys(): AssistantKeys {
    return {
      issue: (name) => this.issueClient(name),
      revoke: (clientId) => this.revokeClient(clientId),
      clientIdForKey: (key) => this.deps.clients.authenticate(key)?.clientId,
      entryFor: (key) => this.deps.bridgeEntry(key),
    };
  }

  private clientEnvironment(): ClientEnvironment {
    return this.deps.clientEnvironment ?? currentEnvironment();
  }

  private async configErrors<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ClientConfigError) {
        throw new BrokerError('client_config', error.message, undefined, { cause: error });
      }
      throw error;
    }
  }

  private requireClient(clientId: string) {
    const client = this.deps.clients.get(clientId);
    if (!client || client.revokedAt) {
      throw new BrokerError(
        'not_found',
        'There is no such assistant (it may have been revoked already). Refresh the list of assistants.',
      );
    }
    return client;
  }
}
