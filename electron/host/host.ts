import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { rm } from 'node:fs/promises';
import type { AuditEvent } from '../../protocol/audit.js';
import type { McpServerEntry } from '../../protocol/broker.js';
import { ProviderId } from '../../protocol/providers.js';
import { AccountService, type ProviderRuntimes } from './accounts/account-service.js';
import { LoginService } from './accounts/login-service.js';
import { secretStoreAnchor } from './audit/audit-anchor.js';
import { AuditLog } from './audit/audit-log.js';
import { registerSecret } from './audit/redact.js';
import { TokenManager } from './auth/token-manager.js';
import { ProviderApiProxy } from './broker/api-proxy.js';
import { createBrokerHandler } from './broker/broker-handler.js';
import { BrokerServer, type BrokerConnection } from './broker/broker-server.js';
import { CapabilityStore } from './broker/capability-store.js';
import { runOperation } from './operations.js';
import { AssistantRegistry } from './broker/assistant-registry.js';
import { ensurePrivateDir, writeFileAtomic } from './fs/atomic-write.js';
import { publishToolAccess } from './assistants/tool-list-publisher.js';
import { HostController, type HostEvents } from './host-controller.js';
import { createSecureFetch, type ProviderFetch } from './http/secure-fetch.js';
import { pinningEnabled } from './http/certificate-pinning.js';
import { SecurityAlarms, type HostAlert } from './audit/security-alarms.js';
import type { HostPaths } from '../../protocol/data-folder.js';
import { openExternal, type OpenExternal } from './open-external.js';
import { configuredProviders, type ProviderSettings } from './providers/configured-providers.js';
import type { ProviderEndpoints, ProviderRuntime } from './providers/provider-runtime.js';
import type { ProviderRegistry } from './providers/provider-setup.js';
import { spotifyProvider } from './providers/spotify/spotify-provider.js';
import { tidalProvider } from './providers/tidal/tidal-provider.js';
import type { SettingsStore } from './settings/settings-store.js';
import type { SecretStore } from './vault/secret-store.js';
import type { TokenSet } from './vault/token-set.js';
import { startReceiptsAndApprovals } from './receipts/start-receipts.js';
import type { ReceiptBook } from './receipts/receipt-book.js';
import type { ApprovalDesk } from './approvals/approval-desk.js';
import { TokenVault } from './vault/token-vault.js';
import { SecurityCounters } from './security/security-counters-service.js';
import type { ProviderCalls } from './library/provider-get.js';

export interface HostOptions {
  paths: HostPaths;
  settings: SettingsStore;
  providers: Partial<Record<ProviderId, ProviderEndpoints>>;
  sandbox: boolean;
  secretStore: SecretStore;
  bridgeEntry: (assistantKey: string) => McpServerEntry;
  fetch?: ProviderFetch;
  /** Shorter than the 5-minute maximum only in tests that watch a capability expire. */
  capabilityTtlMs?: number;
  /** Shorter than the proxy's 8-second retry budget only in tests of rate-limit handling. */
  retryBudgetMs?: number;
  /** Opens a link the host built (`open.link`); tests pass a recorder instead of the OS opener. */
  openExternal?: OpenExternal;
  /** How long "ask me" waits for the person; shorter only in tests of the timeout. */
  approvalTimeoutMs?: number;
  /**
   * Where a provider configured while the host runs finds its URL overrides
   * (`TUNEBRIDGE_<PROVIDER>_*_URL`) and whether the environment sets its client ID; default
   * `process.env`.
   */
  env?: NodeJS.ProcessEnv;
}

export type { HostEvents } from './host-controller.js';

export interface RunningHost {
  readonly paths: HostPaths;
  readonly sandbox: boolean;
  readonly accounts: AccountService;
  readonly assistants: AssistantRegistry;
  readonly audit: AuditLog;
  readonly events: EventEmitter<HostEvents>;
  /** Everything a person can do; the CLI, headless UI and desktop window all call this. */
  readonly controller: HostController;
  /** Receipts of the changes that passed through, and their undo (window, CLI, bridges). */
  readonly receipts: ReceiptBook;
  /** "Ask me" questions with every place the person can answer them. */
  readonly approvals: ApprovalDesk;
  /** The Security view's counters, kept as the audit log is written. */
  readonly security: SecurityCounters;
  /** Appends to the audit log (and raises any alarm it sets off). */
  readonly record: (event: AuditEvent) => Promise<unknown>;
  /** Provider requests the person's own actions make (the window's export), token inside. */
  readonly providerApi: ProviderCalls;
  stop(): Promise<void>;
}

/**
 * Wires the host's parts together and opens the broker socket. The Electron main process and
 * `tunebridge serve` both call this; neither adds logic of its own.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { paths } = options;
  await ensurePrivateDir(paths.home);
  const { settings } = options;
  const audit = await AuditLog.open(paths.auditDir, {
    anchor: secretStoreAnchor(options.secretStore),
  });
  const events = new EventEmitter<HostEvents>();
  const security = new SecurityCounters({ auditDir: paths.auditDir, home: paths.home });
  events.on('audit.appended', (written) => security.observe(written));
  const alarms = new SecurityAlarms({
    burstCallsPerMinute: settings.read().burstAlertCallsPerMinute,
  });
  /**
   * For records written from event handlers nobody awaits: a full disk must not become an
   * unhandled rejection that kills the host. The person hears about it as an alert.
   */
  const recordInBackground = (event: AuditEvent) => {
    record(event).catch((error: unknown) => {
      const reason =
        error instanceof Error && 'code' in error ? String(error.code) : 'write failed';
      process.stderr.write(`TuneBridge could not write to its audit log (${reason}).\n`);
    });
  };
  const raiseAlarm = (alarm: { record: AuditEvent; alert: HostAlert }) => {
    recordInBackground(alarm.record);
    events.emit('alert', alarm.alert);
  };
  const record = async (event: AuditEvent) => {
    const written = await audit.append(event);
    events.emit('audit.appended', written);
    const alarm = alarms.observe(written, Date.now());
    if (alarm) {
      events.emit('audit.appended', await audit.append(alarm.record));
      events.emit('alert', alarm.alert);
    }
    return written;
  };
  const pinning = pinningEnabled(settings.read().pinning, process.env);
  const fetch =
    options.fetch ??
    createSecureFetch({
      pinning: pinning && {
        onMismatch: (host) => {
          const alarm = alarms.pinMismatch(host, Date.now());
          recordInBackground(alarm.record);
          events.emit('alert', alarm.alert);
        },
      },
    });

  // One object, read by reference by the accounts, token manager and proxy, so a provider the
  // person configures in the window works at once.
  const runtimes: ProviderRuntimes = {};
  const buildRuntime = (provider: ProviderId, endpoints: ProviderEndpoints): ProviderRuntime =>
    provider === 'spotify'
      ? spotifyProvider(endpoints, { groups: settings.read().providers.spotify?.groups })
      : tidalProvider(endpoints);
  for (const provider of ProviderId.options) {
    const endpoints = options.providers[provider];
    if (endpoints) runtimes[provider] = buildRuntime(provider, endpoints);
  }
  const env = options.env ?? process.env;
  const providerRegistry: ProviderRegistry = {
    environmentClientId: (provider) =>
      env[`TUNEBRIDGE_${provider.toUpperCase()}_CLIENT_ID`] || undefined,
    runtime: (provider) => runtimes[provider],
    setRuntime: (provider: ProviderId, saved: ProviderSettings | undefined) => {
      const endpoints = saved && configuredProviders(env, { [provider]: saved })[provider];
      if (endpoints) runtimes[provider] = buildRuntime(provider, endpoints);
      else delete runtimes[provider];
    },
  };

  // Tokens read back after a restart join the redaction deny-list too, not only fresh ones.
  const vault = new TokenVault(options.secretStore, { onSecret: registerSecret });
  const accounts = new AccountService({ settings, vault, runtimes, fetch });
  const rememberTokens = (tokens: TokenSet) => {
    registerSecret(tokens.accessToken);
    if (tokens.refreshToken) registerSecret(tokens.refreshToken);
  };
  const tokens = new TokenManager({
    storage: vault,
    fetch,
    configFor: (provider) => {
      const runtime = runtimes[provider];
      if (!runtime) throw new Error(`${provider} is not configured`);
      return runtime.oauth;
    },
    onRefreshed: (provider, refreshed) => {
      rememberTokens(refreshed);
      accounts.recordRefresh(provider, refreshed);
      recordInBackground({ kind: 'token.refresh', outcome: 'ok', provider });
    },
    onSaveFailed: (provider) =>
      raiseAlarm(alarms.secretStoreFailed(provider, options.secretStore.description, Date.now())),
    onNeedsLogin: (provider, reason) => {
      accounts.markNeedsLogin(provider);
      capabilities.revokeWhere((capability) => capability.provider === provider);
      recordInBackground({
        kind: 'token.refresh',
        outcome: 'error',
        provider,
        message: `Needs login (${reason})`,
      });
      events.emit('providers.changed');
    },
  });
  const capabilities = new CapabilityStore(options.capabilityTtlMs);
  const assistants = new AssistantRegistry(settings);
  const proxy = new ProviderApiProxy({
    provider: (id) => runtimes[id],
    tokens,
    fetch,
    retryBudgetMs: options.retryBudgetMs,
  });
  const login = new LoginService({
    accounts,
    tokens,
    fetch,
    audit: record,
    onTokens: rememberTokens,
    onProvidersChanged: () => events.emit('providers.changed'),
  });

  await ensurePrivateDir(paths.runDir);
  const controlKey = randomBytes(32).toString('base64url');

  const controller = new HostController({
    sandbox: options.sandbox,
    accounts,
    assistants,
    capabilities,
    login,
    tokens,
    audit,
    record,
    events,
    fetch,
    bridgeEntry: (assistantKey) => {
      registerSecret(assistantKey);
      return options.bridgeEntry(assistantKey);
    },
    approvalTimeoutMs: options.approvalTimeoutMs,
    settings,
    providers: providerRegistry,
    secretStore: options.secretStore,
  });

  const { receipts, approvals } = await startReceiptsAndApprovals({
    paths,
    proxy,
    controller,
    record,
  });
  const broker = new BrokerServer({
    socketPath: paths.brokerSocket,
    // Windows pipes live in a machine-wide namespace: a fresh random name per start, published
    // in the owner-only run directory, can't be squatted by another user in advance.
    randomPipeName: process.platform === 'win32',
    runDir: paths.runDir,
    onPreHelloFlood: (evictions) => raiseAlarm(alarms.connectionFlood(evictions, Date.now())),
    handle: createBrokerHandler({
      assistants,
      capabilities,
      proxy,
      accounts,
      controller,
      audit: record,
      controlKey,
      openExternal: options.openExternal ?? openExternal,
      receipts,
      approvals,
      operations: (request) =>
        runOperation(
          {
            controller,
            events,
            paths,
            receipts,
            approvals,
            accounts,
            security,
            record,
            providerApi: proxy,
          },
          request,
          'command line',
        ),
    }),
  });
  await broker.start();
  // Only once the socket is ours: a second host that finds one running must not replace the
  // running host's key and lock its command line out.
  await writeFileAtomic(paths.controlKeyFile, controlKey, { mode: 0o600 });
  if (broker.pipeName)
    await writeFileAtomic(paths.brokerPipeFile, broker.pipeName, { mode: 0o600 });
  // Claude Desktop has been known to rewrite its config without our entry; notice and offer repair.
  const claudeDesktopWatch = controller.watchAssistant('claude-desktop');
  // So a starting bridge's first tools/list is already what its assistant may use.
  const toolAccess = publishToolAccess({
    runDir: paths.runDir,
    assistants,
    summaries: () => accounts.summaries(),
    events,
  });
  const isClient = (assistantId: string) => (connection: BrokerConnection) =>
    connection.role.kind === 'assistant' && connection.role.assistantId === assistantId;
  events.on('providers.changed', () =>
    broker.broadcast({ type: 'event', event: 'providers.changed' }),
  );
  events.on('assistants.changed', () =>
    broker.broadcast(
      { type: 'event', event: 'assistants.changed' },
      (connection) => connection.role.kind === 'control',
    ),
  );
  events.on('policy.changed', (assistantId) =>
    broker.broadcast({ type: 'event', event: 'policy.changed' }, isClient(assistantId)),
  );
  events.on('assistant.revoked', (assistantId) => broker.disconnect(isClient(assistantId)));
  events.on('audit.appended', () =>
    broker.broadcast(
      { type: 'event', event: 'audit.appended' },
      (connection) => connection.role.kind === 'control',
    ),
  );
  await record({
    kind: 'host.start',
    outcome: 'ok',
    message: options.sandbox ? 'Sandbox mode' : undefined,
  });
  if (!pinning && !options.fetch) {
    await record({
      kind: 'host.start',
      outcome: 'ok',
      message:
        'Certificate pinning is off (settings "pinning": false or TUNEBRIDGE_DISABLE_PINNING); only the system trust store checks provider certificates.',
    });
  }

  return {
    paths,
    sandbox: options.sandbox,
    accounts,
    assistants,
    audit,
    events,
    controller,
    receipts,
    approvals,
    security,
    record,
    providerApi: proxy,
    async stop() {
      claudeDesktopWatch.close();
      toolAccess.close();
      await broker.stop();
      await rm(paths.controlKeyFile, { force: true });
      await rm(paths.brokerPipeFile, { force: true });
      await record({ kind: 'host.stop', outcome: 'ok' });
      await audit.close();
      await security.flush();
    },
  };
}
