import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { McpClientId } from '../../../protocol/assistant.js';
import type { AssistantConnected, DetectedAssistant } from '../../../protocol/host-api.js';
import { writeMcpbBundle } from '../clients/mcpb-bundle.js';
import { MCP_CLIENTS } from '../clients/mcp-clients.js';
import { HostError } from '../errors.js';
import type { HostController } from '../host-controller.js';
import type { RunningHost } from '../host.js';
import { ClientConfigError } from '../clients/client-config-error.js';
import {
  configPath,
  currentEnvironment,
  isInstalled,
  type ClientEnvironment,
} from '../clients/client-paths.js';
import {
  checkAssistant,
  connectAssistant,
  disconnectAssistant,
  type AssistantKeys,
  type Connected,
  type Disconnected,
  type EntryHealth,
} from '../clients/connect-assistant.js';
import { watchConfigFile, type DriftWatch } from '../clients/drift-watch.js';
import type { HostDeps, AssistantHealth } from './host-types.js';
import type { AssistantsService } from './assistants.js';

/*
 * Client configs: connecting an MCP client through its config file or a Claude Desktop bundle,
 * for every caller of the operation table. A connect also retires keys the client had dropped.
 */

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

export async function detectedAssistants(controller: HostController): Promise<DetectedAssistant[]> {
  const found = await controller.detectAssistants();
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
export async function connectByConfig(
  controller: HostController,
  mcpClient: McpClientId,
): Promise<AssistantConnected> {
  const done = await controller.connectAssistant(mcpClient);
  // A repair: the key the client dropped must stop working too.
  const stale = await controller.revokeStaleKeys(mcpClient, done.issued.assistant.assistantId);
  return {
    via: 'config',
    mcpClient,
    assistant: done.issued.assistant,
    configPath: done.configPath,
    backupPath: done.backupPath,
    replacedOldKey: done.keptPermissions || done.replacedAssistantId !== undefined || stale > 0,
    keptPermissions: done.keptPermissions,
    restartNeeded: RESTART_NEEDED[mcpClient],
    restartHint: done.restartHint,
  };
}

/**
 * Claude Desktop's extension: writes `TuneBridge.mcpb` into the data folder and returns its path
 * with a new key, which Claude Desktop asks for (and keeps in the OS keychain) when it installs it.
 */
export async function connectByBundle(
  host: Pick<RunningHost, 'controller' | 'paths'>,
  mcpClient: McpClientId,
  bundlePath = join(host.paths.home, 'TuneBridge.mcpb'),
): Promise<AssistantConnected> {
  if (mcpClient !== 'claude-desktop') {
    throw new HostError('not_found', 'Only Claude Desktop installs MCP bundles (.mcpb).');
  }
  if (!isAbsolute(bundlePath)) {
    throw new HostError('bad_frame', 'Give the bundle’s full path, not a relative one.');
  }
  const distDir = bundledBridgeDir();
  if (!distDir) {
    throw new HostError(
      'not_found',
      'This copy of TuneBridge has no bundled bridge to package. Connect Claude Desktop through its config file instead, or run `tunebridge connect claude-desktop --bundle`.',
    );
  }
  await writeMcpbBundle({ distDir, outFile: bundlePath, dataDir: host.paths.home });
  // Not tied to the config-file entry: a bundle's key lives in Claude Desktop's own store, so
  // connecting through the config file must not retire it (revoke it under Assistants instead).
  const issued = await host.controller.issueAssistant(
    `${MCP_CLIENTS[mcpClient].displayName} (bundle)`,
  );
  return {
    via: 'bundle',
    mcpClient,
    assistant: issued.assistant,
    bundlePath,
    assistantKey: issued.assistantKey,
    restartNeeded: false,
    restartHint:
      'Open the file (double-click it) and Claude Desktop offers to install TuneBridge; paste the key when it asks.',
  };
}

/** The build output holding `bridge.cjs` and its manifest: this module's folder or its parent. */
function bundledBridgeDir(): string | undefined {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return [here, join(here, '..')].find(
    (dir) => existsSync(join(dir, 'bridge.cjs')) && existsSync(join(dir, 'bridge-manifest.json')),
  );
}

export function healthDetail(health: EntryHealth): string | undefined {
  return 'detail' in health ? health.detail : undefined;
}

/**
 * The `tunebridge` entry in MCP clients' config files: connect, disconnect, check, watch, and
 * retiring keys a client dropped.
 */
export class ClientConfigService {
  constructor(
    private readonly deps: HostDeps,
    private readonly assistants: AssistantsService,
  ) {}

  /** Writes the `tunebridge` entry into that client's config with a fresh key. */
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
    const connected = this.deps.assistants
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
    const stale = this.deps.assistants
      .list()
      .filter((c) => !c.revokedAt && c.mcpClient === mcpClient && c.assistantId !== keepClientId);
    for (const client of stale) await this.assistants.revokeAssistant(client.assistantId);
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

  private assistantKeys(mcpClient: McpClientId): AssistantKeys {
    return {
      issue: (name) => this.assistants.issueAssistant(name, mcpClient),
      rekey: (assistantId) => this.assistants.rekeyAssistant(assistantId),
      // The newest active assistant we wrote into this client's config: a repair keeps it.
      assistantFor: () =>
        this.deps.assistants
          .list()
          .filter((a) => !a.revokedAt && a.mcpClient === mcpClient)
          .at(-1)?.assistantId,
      revoke: (assistantId) => this.assistants.revokeAssistant(assistantId),
      assistantIdForKey: (key) => this.deps.assistants.authenticate(key)?.assistantId,
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
        throw new HostError('client_config', error.message, undefined, { cause: error });
      }
      throw error;
    }
  }
}
