import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BROKER_PROTOCOL_VERSION } from '../../protocol/broker.js';
import type { OperationResponse } from '../../protocol/operations.js';
import type { ProviderId } from '../../protocol/providers.js';
import { bridgeEntry } from '../../electron/host/clients/bridge-entry.js';
import { startHost, type RunningHost } from '../../electron/host/host.js';
import { hostPaths, type HostPaths } from '../../protocol/data-folder.js';
import { SettingsStore } from '../../electron/host/settings/settings-store.js';
import { KeyringSecretStore } from '../../electron/host/vault/keyring-store.js';
import { BrokerClient } from '../../broker-client/broker-client.js';
import { startSandbox } from '../../sandbox/index.js';
import { send } from '../../broker-client/send-operation.js';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
type SandboxOptions = NonNullable<Parameters<typeof startSandbox>[0]>;

export interface TestHost {
  home: string;
  paths: HostPaths;
  sandbox: Sandbox;
  host: RunningHost;
  /** The person's own CLI connection (control role). */
  control(): Promise<BrokerClient>;
  /** Logs in through the sandbox's consent step, as the person clicking Approve would. */
  login(provider?: ProviderId): Promise<void>;
  issueAssistant(name?: string): Promise<OperationResponse<'assistant.issue'>>;
  /** A bridge-side connection that has said hello with the given key. */
  bridge(assistantKey: string): Promise<BrokerClient>;
  /** Stops the host and starts it again on the same data folder and secret store. */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export const CLI_SCRIPT = resolve('dist/cli.js');
import { BRIDGE_SCRIPT } from './cli-process.js';

export { BRIDGE_SCRIPT };

/**
 * A host wired exactly as `tunebridge serve` wires it, in-process, against the sandbox and the
 * real keyring (tests run inside scripts/with-keyring.sh), with a throwaway data dir.
 */
export async function startTestHost(
  options: {
    sandbox?: SandboxOptions;
    capabilityTtlMs?: number;
    retryBudgetMs?: number;
    /** Replaces the OS opener for `open.link`; default: records nothing and opens nothing. */
    openExternal?: (url: string) => Promise<boolean>;
    /** How long "ask me" waits for an answer (default 60 s). */
    approvalTimeoutMs?: number;
  } = {},
): Promise<TestHost> {
  const home = await mkdtemp(join(tmpdir(), 'tb-host-'));
  const paths = hostPaths(home);
  const sandbox = await startSandbox(options.sandbox);
  const secretStore = new KeyringSecretStore({ service: `TuneBridge test ${randomUUID()}` });
  const endpoints = (provider: ProviderId, redirectPort: number) => ({
    clientId: sandbox[provider].clientId,
    authorizeUrl: sandbox[provider].authorizeUrl,
    tokenUrl: sandbox[provider].tokenUrl,
    apiBaseUrl: sandbox[provider].apiBaseUrl,
    redirectPort,
  });
  const start = () =>
    startHost({
      paths,
      settings: SettingsStore.open(paths.settingsFile),
      providers: { spotify: endpoints('spotify', 0), tidal: endpoints('tidal', 8765) },
      sandbox: true,
      secretStore,
      capabilityTtlMs: options.capabilityTtlMs,
      retryBudgetMs: options.retryBudgetMs,
      approvalTimeoutMs: options.approvalTimeoutMs,
      // Tests never start the person's browser or TIDAL app.
      openExternal: options.openExternal ?? (() => Promise.resolve(false)),
      bridgeEntry: (assistantKey) =>
        bridgeEntry({
          assistantKey,
          home,
          nodePath: process.execPath,
          bridgeScript: BRIDGE_SCRIPT,
        }),
    });
  let host = await start();
  const opened: BrokerClient[] = [];

  async function control(): Promise<BrokerClient> {
    const client = await BrokerClient.connect(paths.brokerSocket);
    opened.push(client);
    const controlKey = (await readFile(paths.controlKeyFile, 'utf8')).trim();
    await client.request({ type: 'control.hello', protocol: BROKER_PROTOCOL_VERSION, controlKey });
    return client;
  }

  return {
    home,
    paths,
    sandbox,
    get host() {
      return host;
    },
    control,
    async login(provider = 'spotify') {
      const client = await control();
      let approval: Promise<string> | undefined;
      const answer = await client.request({ type: 'login.start', provider }, (progress) => {
        if (progress.type === 'login.pending') {
          approval = sandbox[provider].approve(progress.authorizationUrl);
        }
      });
      await approval;
      if (answer.type !== 'login.complete') throw new Error(`login answered ${answer.type}`);
      client.close();
    },
    async issueAssistant(name = 'Test assistant') {
      const client = await control();
      try {
        return await send(client, { op: 'assistant.issue', name });
      } finally {
        client.close();
      }
    },
    async bridge(assistantKey) {
      const client = await BrokerClient.connect(paths.brokerSocket);
      opened.push(client);
      await client.request({
        type: 'hello',
        protocol: BROKER_PROTOCOL_VERSION,
        assistantKey,
        mcpClient: { name: 'test-bridge', version: '0' },
      });
      return client;
    },
    async restart(whileDown) {
      await host.stop();
      await whileDown?.();
      host = await start();
    },
    async stop() {
      for (const client of opened) client.close();
      await host.stop();
      await sandbox.close();
      await secretStore.delete('provider-tokens:spotify').catch(() => false);
      await secretStore.delete('provider-tokens:tidal').catch(() => false);
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Asks for a Spotify capability and makes one GET with it, as a bridge's tool does. */
export async function getThroughBroker(
  bridge: BrokerClient,
  path: string,
  query: Record<string, string>,
  scopes: string[] = [],
) {
  const grant = await bridge.request({ type: 'capability.request', provider: 'spotify', scopes });
  if (grant.type !== 'capability') throw new Error(`capability.request answered ${grant.type}`);
  const answer = await bridge.request({
    type: 'api.call',
    provider: 'spotify',
    capability: grant.token,
    method: 'GET',
    path,
    query,
  });
  if (answer.type !== 'api.result') throw new Error(`api.call answered ${answer.type}`);
  return answer;
}
