import { randomUUID } from 'node:crypto';
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
import {
  configPath,
  currentEnvironment,
  isInstalled,
  type ClientEnvironment,
} from './clients/client-paths.js';
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
import { nameForMcpClient } from './clients/assistant-names.js';
import {
  assertNotFromEnvironment,
  configuredMessage,
  describeClientId,
  ProviderSetupError,
  setupViews,
  validateProviderConfig,
  type ProviderConfig,
  type ProviderConfigResult,
  type ProviderRegistry,
  type ProviderSetup,
} from './providers/provider-setup.js';
import type { SettingsStore } from './settings/settings-store.js';
import type { ClientRecord } from './settings/settings-schema.js';
import type { SecretStore } from './vault/secret-store.js';

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
  /** "Ask me" mode: a change waits for the person's answer (window, notification). */
  'approval.requested': [approval: PendingApproval];
  /** Answered, timed out or withdrawn: windows close their prompt. */
  'approval.settled': [id: string, outcome: ApprovalOutcome];
  /** The person dismissed an alert in one window: the others drop it too. */
  'alert.dismissed': [id: string];
}

/** An alert as the window lists it, until the person dismisses it. */
export interface StoredAlert extends HostAlert {
  id: string;
}

/** What a change waiting for the person's OK is about; never a token or a body. */
export interface ApprovalRequest {
  clientId: string;
  clientName: string;
  provider: ProviderId;
  method: string;
  path: string;
  summary: string;
}

export interface PendingApproval extends ApprovalRequest {
  id: string;
  expiresAt: string;
}

/** `withdrawn`: the assistant was paused or revoked while its change waited. */
export type ApprovalOutcome = 'allowed' | 'denied' | 'timed-out' | 'withdrawn';

/** How long a change waits for the person before it is refused. */
export const DEFAULT_APPROVAL_TIMEOUT_MS = 60_000;
/** Alerts kept for the window; older ones drop off (the audit log keeps them all). */
const MAX_STORED_ALERTS = 20;

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
      settings: SettingsStore;
      /** The live provider runtimes, which `configureProvider` changes outside sandbox mode. */
      providers: ProviderRegistry;
      /** Where tokens are kept, as the window describes it (never the secrets themselves). */
      secretStore: Pick<SecretStore, 'description' | 'warning'>;
      /** Whose MCP client configs connect edits; the host's own HOME and platform by default. */
      clientEnvironment?: ClientEnvironment;
      /** How long "ask me" waits for an answer; DEFAULT_APPROVAL_TIMEOUT_MS unless a test says. */
      approvalTimeoutMs?: number;
    },
  ) {
    deps.events.on('alert', (alert) => this.storeAlert(alert));
    // A paused or revoked assistant's waiting changes are refused at once.
    deps.events.on('client.revoked', (clientId) => this.withdrawApprovals(clientId));
    deps.events.on('policy.changed', (clientId) => {
      const client = deps.clients.get(clientId);
      if (!client || client.revokedAt || client.policy.paused) this.withdrawApprovals(clientId);
    });
  }

  private readonly storedAlerts: StoredAlert[] = [];
  private readonly alertIds = new WeakMap<HostAlert, string>();
  private readonly approvals = new Map<
    string,
    { approval: PendingApproval; settle: (outcome: ApprovalOutcome) => void }
  >();

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

  async issueClient(name: string, mcpClient?: McpClientId): Promise<IssuedClient> {
    const { client, clientKey } = this.deps.clients.issue(name, undefined, mcpClient);
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

  /**
   * An assistant TuneBridge named for now takes the name its MCP client gives at hello
   * ("Claude Desktop" for `claude-ai`), made unique. Returns the record as it now stands.
   */
  adoptClientName(client: ClientRecord, reportedName: string): ClientRecord {
    const name = client.nameFromClient ? nameForMcpClient(reportedName) : undefined;
    if (!name) return client;
    const renamed = this.deps.clients.rename(client.clientId, name) ?? client;
    this.deps.events.emit('clients.changed');
    return renamed;
  }

  /** A new key for the same assistant, its permissions kept; see `ClientRegistry.rekey`. */
  async rekeyClient(clientId: string): Promise<IssuedClient & { restore(): void }> {
    const { client, clientKey, previousHash } = this.deps.clients.rekey(clientId);
    this.deps.capabilities.revokeWhere((capability) => capability.clientId === clientId);
    await this.deps.record({
      kind: 'client.issued',
      outcome: 'ok',
      clientId,
      clientName: client.name,
      message:
        'Connected again: a new key for the same assistant, its permissions kept. The old key no longer works.',
    });
    this.deps.events.emit('clients.changed');
    return {
      client: summarizeClient(client),
      clientKey,
      entry: this.deps.bridgeEntry(clientKey),
      restore: () => this.deps.clients.restoreKey(clientId, previousHash),
    };
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

  /** Each provider's "bring your own app" state: dashboard, redirect URI, saved client ID. */
  providerSetup(): ProviderSetup[] {
    return setupViews({
      sandbox: this.deps.sandbox,
      registry: this.deps.providers,
      saved: this.deps.settings.read().providers,
    });
  }

  secretStorage(): { description: string; warning?: string } {
    const { description, warning } = this.deps.secretStore;
    return warning ? { description, warning } : { description };
  }

  /**
   * Saves the person's own app for a provider. Outside sandbox mode it takes effect at once (the
   * provider shows as not connected, ready to connect); in sandbox mode the stand-ins stay until
   * TuneBridge restarts.
   */
  async configureProvider(
    provider: ProviderId,
    config: ProviderConfig,
  ): Promise<ProviderConfigResult> {
    const { clientId, redirectPort } = validateProviderConfig(provider, config);
    const { settings, providers, sandbox } = this.deps;
    assertNotFromEnvironment(providers, provider);
    const live = sandbox ? undefined : providers.runtime(provider);
    if (live && live.oauth.clientId !== clientId) this.assertSignedOut(provider, 'change');
    const saved = settings.update((current) => ({
      ...current,
      providers: {
        ...current.providers,
        [provider]: {
          ...current.providers[provider],
          clientId,
          redirectPort: redirectPort ?? current.providers[provider]?.redirectPort,
        },
      },
    })).providers[provider];
    const result = configuredMessage(provider, sandbox);
    await this.deps.record({
      kind: 'config.changed',
      outcome: 'ok',
      provider,
      message: `${PROVIDER_NAMES[provider]} client ID saved (${describeClientId(clientId)})${
        result.restartRequired ? '; takes effect when TuneBridge restarts' : ''
      }`,
    });
    if (!sandbox) {
      providers.setRuntime(provider, saved);
      this.deps.events.emit('providers.changed');
    }
    return result;
  }

  /** Forgets the person's app for a provider; its account must be disconnected first. */
  async removeProviderConfig(provider: ProviderId): Promise<ProviderConfigResult> {
    const { settings, providers, sandbox } = this.deps;
    const name = PROVIDER_NAMES[provider];
    assertNotFromEnvironment(providers, provider);
    if (!sandbox && providers.runtime(provider)) this.assertSignedOut(provider, 'remove');
    const had = settings.read().providers[provider]?.clientId !== undefined;
    settings.update((current) => {
      const next = { ...current.providers };
      const groups = next[provider]?.groups;
      // Only the app goes; the permission groups a login asks for stay the person's choice.
      if (groups) next[provider] = { groups };
      else delete next[provider];
      return { ...current, providers: next };
    });
    if (had) {
      await this.deps.record({
        kind: 'config.changed',
        outcome: 'ok',
        provider,
        message: `${name} client ID removed`,
      });
    }
    if (!sandbox) {
      providers.setRuntime(provider, undefined);
      this.deps.events.emit('providers.changed');
    }
    return {
      restartRequired: false,
      message: had
        ? `TuneBridge forgot your ${name} client ID.`
        : `No ${name} client ID was saved.`,
    };
  }

  queryAudit(query: AuditQuery): Promise<AuditRecord[]> {
    return this.deps.audit.query(query);
  }

  /** Issue 6: writes the `tunebridge` entry into that client's config with a fresh key. */
  async connectAssistant(mcpClient: McpClientId): Promise<Connected> {
    return this.configErrors(() =>
      connectAssistant(mcpClient, this.assistantKeys(mcpClient), this.clientEnvironment()),
    );
  }

  /** Removes exactly our entry from that client's config and revokes the key it held. */
  async disconnectAssistant(mcpClient: McpClientId): Promise<Disconnected> {
    return this.configErrors(() =>
      disconnectAssistant(mcpClient, this.assistantKeys(mcpClient), this.clientEnvironment()),
    );
  }

  async checkAssistant(mcpClient: McpClientId): Promise<AssistantHealth> {
    const health = await checkAssistant(
      mcpClient,
      this.assistantKeys(mcpClient),
      this.clientEnvironment(),
    );
    const connected = this.deps.clients
      .list()
      .some((c) => !c.revokedAt && c.mcpClient === mcpClient);
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

  /**
   * Revokes every other active key issued for this MCP client (assistants named like it). A key
   * whose entry the client dropped from its config (Claude Desktop does) is left only in backups;
   * a repair or a disconnect must not leave it working.
   */
  async revokeStaleKeys(mcpClient: McpClientId, keepClientId?: string): Promise<number> {
    // Matched by the client we wrote the key into, never by name: an assistant the person named
    // "Claude Desktop" by hand is theirs to keep.
    const stale = this.deps.clients
      .list()
      .filter((c) => !c.revokedAt && c.mcpClient === mcpClient && c.clientId !== keepClientId);
    for (const client of stale) await this.revokeClient(client.clientId);
    return stale.length;
  }

  /** Every MCP client TuneBridge knows: installed or not, and how our entry in it fares. */
  async detectAssistants(): Promise<Array<AssistantHealth & { installed: boolean }>> {
    const at = this.clientEnvironment();
    return Promise.all(
      (Object.keys(MCP_CLIENTS) as McpClientId[]).map(async (mcpClient) => ({
        ...(await this.checkAssistant(mcpClient)),
        installed: isInstalled(mcpClient, at),
      })),
    );
  }

  /** Recent alerts the person has not dismissed, newest last. */
  alerts(): StoredAlert[] {
    return [...this.storedAlerts];
  }

  /** The stored form (with its id) of an alert just emitted on `alert`. */
  storedAlert(alert: HostAlert): StoredAlert | undefined {
    const id = this.alertIds.get(alert);
    return this.storedAlerts.find((stored) => stored.id === id);
  }

  dismissAlert(id: string): void {
    const index = this.storedAlerts.findIndex((alert) => alert.id === id);
    if (index < 0) return;
    this.storedAlerts.splice(index, 1);
    this.deps.events.emit('alert.dismissed', id);
  }

  /**
   * "Ask me" mode: holds a change until the person answers in a window (`respondToApproval`), and
   * refuses it when they don't answer in time or the assistant is paused or revoked meanwhile.
   */
  requestApproval(
    request: ApprovalRequest,
    onPending?: (approval: PendingApproval) => void,
  ): Promise<ApprovalOutcome> {
    const id = randomUUID();
    const timeoutMs = this.deps.approvalTimeoutMs ?? DEFAULT_APPROVAL_TIMEOUT_MS;
    const approval: PendingApproval = {
      ...request,
      id,
      expiresAt: new Date(Date.now() + timeoutMs).toISOString(),
    };
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle('timed-out'), timeoutMs);
      const settle = (outcome: ApprovalOutcome) => {
        if (!this.approvals.delete(id)) return;
        clearTimeout(timer);
        resolve(outcome);
        this.deps.events.emit('approval.settled', id, outcome);
      };
      this.approvals.set(id, { approval, settle });
      onPending?.(approval);
      this.deps.events.emit('approval.requested', approval);
    });
  }

  /** The person's answer; false when that question was already settled (answered or timed out). */
  respondToApproval(id: string, allow: boolean): boolean {
    const pending = this.approvals.get(id);
    if (!pending) return false;
    pending.settle(allow ? 'allowed' : 'denied');
    return true;
  }

  pendingApprovals(): PendingApproval[] {
    return [...this.approvals.values()].map(({ approval }) => approval);
  }

  private withdrawApprovals(clientId: string): void {
    for (const { approval, settle } of [...this.approvals.values()]) {
      if (approval.clientId === clientId) settle('withdrawn');
    }
  }

  private storeAlert(alert: HostAlert): void {
    const stored: StoredAlert = { ...alert, id: randomUUID() };
    this.alertIds.set(alert, stored.id);
    this.storedAlerts.push(stored);
    if (this.storedAlerts.length > MAX_STORED_ALERTS) this.storedAlerts.shift();
  }

  private assistantKeys(mcpClient: McpClientId): AssistantKeys {
    return {
      issue: (name) => this.issueClient(name, mcpClient),
      rekey: (clientId) => this.rekeyClient(clientId),
      // The newest active assistant we wrote into this client's config: a repair keeps it.
      assistantFor: () =>
        this.deps.clients
          .list()
          .filter((c) => !c.revokedAt && c.mcpClient === mcpClient)
          .at(-1)?.clientId,
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

  /** A login belongs to the app it was made with: changing the app needs a logout first. */
  private assertSignedOut(provider: ProviderId, action: 'change' | 'remove'): void {
    if (this.deps.accounts.summary(provider).status === 'disconnected') return;
    const name = PROVIDER_NAMES[provider];
    throw new ProviderSetupError(
      'provider_in_use',
      `Disconnect ${name} first: your ${name} login belongs to the app whose client ID you want to ${action}. Then ${action === 'change' ? 'save the new client ID and connect again' : 'remove it'}.`,
    );
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
