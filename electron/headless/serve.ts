import type { ProviderId } from '../../protocol/providers.js';
import { bridgeEntry } from '../core/clients/bridge-entry.js';
import { startHost, type RunningHost } from '../core/host.js';
import { dataDir, hostPaths } from '../core/paths.js';
import { configuredProviders } from '../core/providers/configured-providers.js';
import type { ProviderEndpoints } from '../core/providers/provider-runtime.js';
import { SettingsStore } from '../core/settings/settings-store.js';
import { chooseSecretStore } from '../core/vault/choose-secret-store.js';
import { startSandboxProviders, type RunningSandbox } from './sandbox-providers.js';

export interface HeadlessOptions {
  /** true: always the sandbox; false: never; undefined: the sandbox when nothing is configured. */
  sandbox?: boolean;
  env?: NodeJS.ProcessEnv;
  cliScript: string;
  askPassphrase?: () => Promise<string | undefined>;
}

export interface HeadlessHost {
  host: RunningHost;
  sandboxUrls?: Record<ProviderId, string>;
  stop(): Promise<void>;
}

/** `tunebridge serve`: the same host core as the desktop app, without a desktop. */
export async function startHeadlessHost(options: HeadlessOptions): Promise<HeadlessHost> {
  const env = options.env ?? process.env;
  const home = dataDir(env);
  const paths = hostPaths(home);
  const settings = SettingsStore.open(paths.settingsFile);
  const configured = configuredProviders(env, settings.read().providers);
  const useSandbox = options.sandbox ?? Object.keys(configured).length === 0;
  if (!useSandbox && Object.keys(configured).length === 0) {
    throw new Error(
      'No provider is configured. Set TUNEBRIDGE_SPOTIFY_CLIENT_ID (or TUNEBRIDGE_TIDAL_CLIENT_ID), or start with --sandbox to try TuneBridge without an account.',
    );
  }

  const secretStore = await chooseSecretStore({
    kind: secretStoreKind(env.TUNEBRIDGE_SECRET_STORE ?? settings.read().secretStore),
    secretsFile: paths.secretsFile,
    service: home === dataDir({}) ? 'TuneBridge' : `TuneBridge (${home})`,
    passphrase: async () => env.TUNEBRIDGE_PASSPHRASE || (await options.askPassphrase?.()),
  });

  let sandbox: RunningSandbox | undefined;
  let providers: Partial<Record<ProviderId, ProviderEndpoints>> = configured;
  if (useSandbox) {
    sandbox = await startSandboxProviders();
    providers = sandbox.providers;
  }
  try {
    const host = await startHost({
      paths,
      settings,
      providers,
      sandbox: useSandbox,
      secretStore,
      bridgeEntry: (clientKey) =>
        bridgeEntry({ clientKey, home, nodePath: process.execPath, cliScript: options.cliScript }),
    });
    return {
      host,
      sandboxUrls: sandbox
        ? {
            spotify: sandbox.providers.spotify.apiBaseUrl,
            tidal: sandbox.providers.tidal.apiBaseUrl,
          }
        : undefined,
      async stop() {
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
