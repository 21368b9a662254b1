import { homedir } from 'node:os';
import { tildePath, tildePaths } from '../../protocol/home-path.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventEmitter as NodeEventEmitter } from 'node:events';
import type { McpClientId } from '../../protocol/broker.js';
import { PROVIDER_NAMES } from '../../protocol/providers.js';
import type {
  AssistantConnected,
  DetectedAssistant,
  HostApiRequest,
  HostApiResponse,
  HostEvent,
} from '../../protocol/host-api.js';
import { BrokerError } from './broker/broker-error.js';
import type { EntryHealth } from './clients/connect-assistant.js';
import { writeMcpbBundle } from './clients/mcpb-bundle.js';
import { MCP_CLIENTS } from './clients/mcp-clients.js';
import type { AssistantHealth, HostEvents } from './host-controller.js';
import type { RunningHost } from './host.js';
import { handleReceiptOps } from './receipts/receipt-host-ops.js';

/**
 * Carries out one window request against the host. The Electron IPC handler and the headless
 * UI server both parse with `HostApiRequest` and call this; errors are thrown as the host's typed
 * errors, whose messages are written for the person.
 */
export async function handleHostApi(
  host: RunningHost,
  request: HostApiRequest,
): Promise<HostApiResponse> {
  // The window shows paths in the person's home as ~/…; an entry to paste and the audit log (its
  // hashes cover the text) keep theirs.
  let response: HostApiResponse;
  try {
    response = await answerHostApi(host, request);
  } catch (error) {
    if (!(error instanceof BrokerError)) throw error;
    throw new BrokerError(
      error.code,
      tildePath(error.message, homedir()),
      error.retryAfterSeconds,
      { cause: error },
    );
  }
  if (response.op === 'client.issue' || response.op === 'audit.query') return response;
  return tildePaths(response, homedir());
}

async function answerHostApi(host: RunningHost, request: HostApiRequest): Promise<HostApiResponse> {
  const { controller } = host;
  switch (request.op) {
    case 'status':
      return {
        op: 'status',
        status: {
          ...controller.status(),
          alerts: controller.alerts(),
          approvals: controller.pendingApprovals(),
          setup: controller.providerSetup(),
          secretStorage: controller.secretStorage(),
        },
      };
    case 'login.start': {
      const attempt = await controller.startLogin(request.provider);
      const name = PROVIDER_NAMES[request.provider];
      // The window learns the outcome from the event stream; nobody awaits it here.
      attempt.done.then(
        (account) =>
          host.events.emit('login.finished', {
            provider: request.provider,
            ok: true,
            message: `${name} connected as ${account.displayName ?? account.accountId ?? 'you'}`,
          }),
        (error: unknown) =>
          host.events.emit('login.finished', {
            provider: request.provider,
            ok: false,
            message: error instanceof Error ? error.message : `The ${name} login failed.`,
          }),
      );
      return {
        op: 'login.start',
        authorizationUrl: attempt.authorizationUrl,
        redirectUri: attempt.redirectUri,
      };
    }
    case 'logout':
      await controller.logout(request.provider);
      return { op: 'done' };
    case 'client.issue':
      return { op: 'client.issue', ...(await controller.issueClient(request.name)) };
    case 'client.revoke':
      await controller.revokeClient(request.clientId);
      return { op: 'done' };
    case 'client.policy':
      await controller.setPolicy(request.clientId, request.policy);
      return { op: 'done' };
    case 'pause.all':
      await controller.pauseAll(request.paused);
      return { op: 'done' };
    case 'audit.query':
      return { op: 'audit.query', records: await controller.queryAudit(request.query) };
    case 'assistants.detected':
      return { op: 'assistants.detected', assistants: await detectedAssistants(host) };
    case 'assistant.connect':
      return {
        op: 'assistant.connect',
        connected:
          request.via === 'bundle'
            ? await connectBundle(host, request.mcpClient)
            : await connectConfig(host, request.mcpClient),
      };
    case 'assistant.disconnect': {
      const done = await controller.disconnectAssistant(request.mcpClient);
      const stale = await controller.revokeStaleKeys(request.mcpClient);
      return {
        op: 'assistant.disconnect',
        mcpClient: request.mcpClient,
        configPath: done.configPath,
        removed: done.removed,
        revoked: done.revokedClientId !== undefined || stale > 0,
      };
    }
    case 'alert.dismiss':
      controller.dismissAlert(request.id);
      return { op: 'done' };
    case 'approval.respond':
      if (!controller.respondToApproval(request.id, request.allow)) {
        throw new BrokerError(
          'not_found',
          'That change was already answered, or it waited too long and was refused.',
        );
      }
      return { op: 'done' };
    case 'provider.configure':
      return {
        op: 'provider.configure',
        ...(await controller.configureProvider(request.provider, {
          clientId: request.clientId,
          redirectPort: request.redirectPort,
        })),
      };
    case 'provider.unconfigure':
      return {
        op: 'provider.unconfigure',
        ...(await controller.removeProviderConfig(request.provider)),
      };
    default:
      return handleReceiptOps(host.receipts, request);
  }
}

/** Whether the person has to restart (or refresh) the client before it starts our bridge. */
const RESTART_NEEDED: Record<McpClientId, boolean> = {
  'claude-desktop': true,
  'claude-code': true,
  cursor: false,
  vscode: true,
  windsurf: true,
  'gemini-cli': true,
  'codex-cli': true,
  zed: false,
  'lm-studio': true,
};

async function detectedAssistants(host: RunningHost): Promise<DetectedAssistant[]> {
  const found = await host.controller.detectAssistants();
  return found.map((report) => ({
    mcpClient: report.mcpClient,
    displayName: MCP_CLIENTS[report.mcpClient].displayName,
    installed: report.installed,
    configPath: report.health.path,
    health: report.health.status,
    detail: healthDetail(report.health),
    needsRepair: report.needsRepair,
    restartHint: MCP_CLIENTS[report.mcpClient].restartHint,
    bundle: report.mcpClient === 'claude-desktop',
  }));
}

/** Writes our entry into the client's config; the key stays in that file, never in the window. */
async function connectConfig(
  host: RunningHost,
  mcpClient: McpClientId,
): Promise<AssistantConnected> {
  const done = await host.controller.connectAssistant(mcpClient);
  // A repair: the key the client dropped must stop working too.
  const stale = await host.controller.revokeStaleKeys(mcpClient, done.issued.client.clientId);
  return {
    via: 'config',
    mcpClient,
    client: done.issued.client,
    configPath: done.configPath,
    backupPath: done.backupPath,
    replacedOldKey: done.keptPermissions || done.replacedClientId !== undefined || stale > 0,
    keptPermissions: done.keptPermissions,
    restartNeeded: RESTART_NEEDED[mcpClient],
    restartHint: done.restartHint,
  };
}

/**
 * Claude Desktop's extension: writes `TuneBridge.mcpb` into the data folder and returns its path
 * with a new key, which Claude Desktop asks for (and keeps in the OS keychain) when it installs it.
 */
async function connectBundle(
  host: RunningHost,
  mcpClient: McpClientId,
): Promise<AssistantConnected> {
  if (mcpClient !== 'claude-desktop') {
    throw new BrokerError('not_found', 'Only Claude Desktop installs MCP bundles (.mcpb).');
  }
  const distDir = bundledBridgeDir();
  if (!distDir) {
    throw new BrokerError(
      'not_found',
      'This copy of TuneBridge has no bundled bridge to package. Connect Claude Desktop through its config file instead, or run `tunebridge connect claude-desktop --bundle`.',
    );
  }
  const bundlePath = join(host.paths.home, 'TuneBridge.mcpb');
  await writeMcpbBundle({ distDir, outFile: bundlePath, dataDir: host.paths.home });
  // Not tied to the config-file entry: a bundle's key lives in Claude Desktop's own store, so
  // connecting through the config file must not retire it (revoke it under Assistants instead).
  const issued = await host.controller.issueClient(
    `${MCP_CLIENTS[mcpClient].displayName} (bundle)`,
  );
  return {
    via: 'bundle',
    mcpClient,
    client: issued.client,
    bundlePath,
    clientKey: issued.clientKey,
    restartNeeded: false,
    restartHint:
      'Open the file (double-click it) and Claude Desktop offers to install TuneBridge; paste the key when it asks.',
  };
}

/** The build output holding `bridge.js` and its manifest: this module's folder or its parent. */
function bundledBridgeDir(): string | undefined {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return [here, join(here, '..')].find(
    (dir) => existsSync(join(dir, 'bridge.js')) && existsSync(join(dir, 'bridge-manifest.json')),
  );
}

function healthDetail(health: EntryHealth): string | undefined {
  return 'detail' in health ? health.detail : undefined;
}

function healthEvent(report: AssistantHealth): HostEvent {
  return {
    event: 'assistant.health',
    mcpClient: report.mcpClient,
    health: report.health.status,
    detail: healthDetail(report.health),
    path: report.health.path,
    needsRepair: report.needsRepair,
  };
}

/** Subscribes to what a window should hear about; returns the unsubscribe. */
export function subscribeHostEvents(
  host: RunningHost,
  listener: (event: HostEvent) => void,
): () => void {
  // Typed per event, so each handler's arguments are checked against what the host emits.
  const handlers: { [K in keyof HostEvents]?: (...args: HostEvents[K]) => void } = {
    'providers.changed': () => listener({ event: 'providers.changed' }),
    'clients.changed': () => listener({ event: 'clients.changed' }),
    'audit.appended': (record) => listener({ event: 'audit.appended', record }),
    'login.finished': (outcome) => listener({ event: 'login.finished', ...outcome }),
    'assistant.health': (report) => listener(tildePaths(healthEvent(report), homedir())),
    // The controller stored the alert (with its id) before this runs: it subscribed first.
    alert: (raised) =>
      listener({
        event: 'alert',
        alert: host.controller.storedAlert(raised) ?? { ...raised, id: raised.time },
      }),
    'alert.dismissed': (id) => listener({ event: 'alert.dismissed', id }),
    'approval.requested': (approval) => listener({ event: 'approval.requested', ...approval }),
    'approval.settled': (id, outcome) => listener({ event: 'approval.settled', id, outcome }),
  };
  // The untyped view only loops over the table; the table is what carries the types.
  const emitter: NodeEventEmitter = host.events;
  const entries = Object.entries(handlers) as Array<[string, (...args: unknown[]) => void]>;
  for (const [name, handler] of entries) emitter.on(name, handler);
  return () => {
    for (const [name, handler] of entries) emitter.off(name, handler);
  };
}
