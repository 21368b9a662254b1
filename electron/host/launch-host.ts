import type { ProviderId } from '../../protocol/providers.js';
import { bridgeEntry } from './clients/bridge-entry.js';
import { writeBridgeLauncher } from './clients/bridge-launcher.js';
import { offerWindowAddresses } from './window-address.js';
import { bridgeNode, supported } from './clients/node-finder.js';
import { startHost, type RunningHost } from './host.js';
import { dataDir, hostPaths } from '../../protocol/data-folder.js';
import { configuredProviders } from './providers/configured-providers.js';
import type { ProviderEndpoints } from './providers/provider-runtime.js';
import { SettingsStore, type SettingsBackend } from './settings/settings-store.js';
import { chooseSecretStore } from './vault/choose-secret-store.js';
import type { SecretStore } from './vault/secret-store.js';
import type { HostPaths } from '../../protocol/data-folder.js';
import type { McpServerEntry } from '../../protocol/broker.js';
import { startSandboxProviders, type RunningSandbox } from './sandbox-providers.js';
import { startUiServer, type RunningUiServer } from '../serve/ui-server/ui-server.js';

export interface LaunchOptions {
  /** true: always the sandbox; false: never; undefined: the sandbox when nothing is configured. */
  sandbox?: boolean;
  env?: NodeJS.ProcessEnv;
  /** dist/bridge.cjs: what config entries (through the launcher) run with Node. */
  bridgeScript: string;
  askPassphrase?: () => Promise<string | undefined>;
  /** The desktop shell: settings through electron-store (same file, same schema) instead of conf. */
  settingsBackend?: SettingsBackend;
  /** The desktop shell: its own choice of secret store; `standard()` is the keyring/passphrase one. */
  chooseSecretStore?: (context: SecretStoreContext) => Promise<SecretStore>;
  /** The desktop shell: config entries that start the app's executable with `--mcp-bridge`. */
  bridgeEntry?: (assistantKey: string, home: string) => McpServerEntry;
  /** Serve the window on 127.0.0.1 from this directory (the built `dist/ui`). */
  ui?: { dir: string; port?: number };
}

export interface LaunchedHost {
  host: RunningHost;
  sandboxUrls?: Record<ProviderId, string>;
  /** The window's server, when `ui` was asked for. */
  ui?: RunningUiServer;
  stop(): Promise<void>;
}

/** `tunebridge serve`: the same host core as the desktop app, without a desktop. */
export async function launchHost(options: LaunchOptions): Promise<LaunchedHost> {
  const env = options.env ?? process.env;
  const home = dataDir(env);
  const paths = hostPaths(home);
  const settings = SettingsStore.open(paths.settingsFile, { backend: options.settingsBackend });
  const configured = configuredProviders(env, settings.read().providers);
  const useSandbox = options.sandbox ?? Object.keys(configured).length === 0;
  if (!useSandbox && Object.keys(configured).length === 0) {
    throw new Error(
      'No provider is configured. Set TUNEBRIDGE_SPOTIFY_CLIENT_ID (or TUNEBRIDGE_TIDAL_CLIENT_ID), or start with --sandbox to try TuneBridge without an account.',
    );
  }

  const standard = () =>
    chooseSecretStore({
      kind: secretStoreKind(env.TUNEBRIDGE_SECRET_STORE ?? settings.read().secretStore),
      secretsFile: paths.secretsFile,
      service: home === dataDir({}) ? 'TuneBridge' : `TuneBridge (${home})`,
      passphrase: async () => env.TUNEBRIDGE_PASSPHRASE || (await options.askPassphrase?.()),
    });
  const secretStore = options.chooseSecretStore
    ? await options.chooseSecretStore({ env, paths, settings, standard })
    : await standard();

  let sandbox: RunningSandbox | undefined;
  let providers: Partial<Record<ProviderId, ProviderEndpoints>> = configured;
  if (useSandbox) {
    sandbox = await startSandboxProviders();
    providers = sandbox.providers;
  }
  try {
    // Written before any entry is handed out: configs point at it, not at this install's files.
    // A Node too old for the bridge gets no launcher; connecting then says why (bridgeNode).
    const launcher =
      options.bridgeEntry || !supported(process.version)
        ? undefined
        : await writeBridgeLauncher({
            home,
            nodePath: process.execPath,
            bridgeScript: options.bridgeScript,
          });
    const host = await startHost({
      paths,
      settings,
      providers,
      sandbox: useSandbox,
      secretStore,
      bridgeEntry: (assistantKey) =>
        options.bridgeEntry?.(assistantKey, home) ??
        bridgeEntry({
          assistantKey,
          home,
          nodePath: bridgeNode(process.execPath, process.version),
          bridgeScript: options.bridgeScript,
          command: launcher,
        }),
    });
    const ui = options.ui
      ? await startUiServer({ host, uiDir: options.ui.dir, port: options.ui.port }).catch(
          async (error: unknown) => {
            await host.stop();
            throw error;
          },
        )
      : undefined;
    if (ui) offerWindowAddresses(host.controller, ui.newOpeningUrl);
    return {
      host,
      sandboxUrls: sandbox
        ? {
            spotify: sandbox.providers.spotify.apiBaseUrl,
            tidal: sandbox.providers.tidal.apiBaseUrl,
          }
        : undefined,
      ui,
      async stop() {
        await ui?.close();
        await host.stop();
        await sandbox?.close();
      },
    };
  } catch (error) {
    await sandbox?.close();
    throw error;
  }
}

function secretStoreKind(value: string | undefined): 'auto' | 'keyring' | 'passphrase-file' {
  if (
    value === undefined ||
    value === 'auto' ||
    value === 'keyring' ||
    value === 'passphrase-file'
  ) {
    return value ?? 'auto';
  }
  throw new Error(
    `TUNEBRIDGE_SECRET_STORE must be "auto", "keyring" or "passphrase-file", not "${value}".`,
  );
}

/** What a custom secret-store choice (the desktop shell's safeStorage) gets to decide with. */
export interface SecretStoreContext {
  env: NodeJS.ProcessEnv;
  paths: HostPaths;
  settings: SettingsStore;
  /** The headless choice: OS keyring, else passphrase file (TUNEBRIDGE_SECRET_STORE honoured). */
  standard: () => Promise<SecretStore>;
}
