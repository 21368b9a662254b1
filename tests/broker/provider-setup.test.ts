import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bridgeEntry } from '../../electron/host/clients/bridge-entry.js';
import { handleHostApi } from '../../electron/host/host-api.js';
import { startHost, type RunningHost } from '../../electron/host/host.js';
import { hostPaths } from '../../protocol/data-folder.js';
import { ProviderSetupError } from '../../electron/host/providers/provider-setup.js';
import { SettingsStore } from '../../electron/host/settings/settings-store.js';
import type { SecretStore } from '../../electron/host/vault/secret-store.js';
import { HostApiRequest } from '../../protocol/operations.js';
import { startSandbox } from '../../sandbox/index.js';
import { BRIDGE_SCRIPT, startTestHost, type Sandbox, type TestHost } from '../helpers/test-host.js';

const SPOTIFY_ID = '0123456789abcdef0123456789abcdef';
const OTHER_SPOTIFY_ID = 'fedcba9876543210fedcba9876543210';

/** Secrets in memory, with the warning a weak store (Linux basic_text) carries. */
function memoryStore(warning?: string): SecretStore {
  const entries = new Map<string, string>();
  return {
    description: 'Memory (test)',
    warning,
    get: (key) => Promise.resolve(entries.get(key)),
    set: (key, value) => Promise.resolve(void entries.set(key, value)),
    delete: (key) => Promise.resolve(entries.delete(key)),
  };
}

async function setupError(promise: Promise<unknown>): Promise<ProviderSetupError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProviderSetupError) return error;
    throw error;
  }
  throw new Error('expected a ProviderSetupError');
}

/**
 * Bringing your own app (Accounts): the host checks the client ID with clear messages,
 * registers the provider live outside sandbox mode, and asks for a restart inside it.
 */
describe('configuring a provider on a real (non-sandbox) host', () => {
  let home: string;
  let sandbox: Sandbox;
  let host: RunningHost;
  let changes: number;

  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'tb-setup-'));
    sandbox = await startSandbox();
    const paths = hostPaths(home);
    host = await startHost({
      paths,
      settings: SettingsStore.open(paths.settingsFile),
      // Nothing configured yet: what a first run outside sandbox mode looks like.
      providers: {},
      sandbox: false,
      secretStore: memoryStore('Only obfuscated (test)'),
      // A provider configured later finds the stand-in's URLs here, as a staging setup would.
      env: {
        TUNEBRIDGE_SPOTIFY_AUTHORIZE_URL: sandbox.spotify.authorizeUrl,
        TUNEBRIDGE_SPOTIFY_TOKEN_URL: sandbox.spotify.tokenUrl,
        TUNEBRIDGE_SPOTIFY_API_URL: sandbox.spotify.apiBaseUrl,
        TUNEBRIDGE_TIDAL_CLIENT_ID: 'fromTheEnvironment1',
      },
      openExternal: () => Promise.resolve(false),
      bridgeEntry: (assistantKey) =>
        bridgeEntry({
          assistantKey,
          home,
          nodePath: process.execPath,
          bridgeScript: BRIDGE_SCRIPT,
        }),
    });
    changes = 0;
    host.events.on('providers.changed', () => changes++);
  });
  afterEach(async () => {
    await host?.stop();
    await sandbox?.close();
    await rm(home, { recursive: true, force: true });
  });

  it('refuses client IDs and ports that cannot be right, saying what they should look like', async () => {
    const { controller } = host;
    const short = await setupError(controller.configureProvider('spotify', { clientId: 'abc' }));
    expect(short.code).toBe('invalid_client_id');
    expect(short.message).toMatch(/not a Spotify client ID: it should be 32 characters/);
    const upper = await setupError(
      controller.configureProvider('spotify', { clientId: SPOTIFY_ID.toUpperCase() }),
    );
    expect(upper.message).toMatch(/lowercase/);
    const empty = await setupError(controller.configureProvider('spotify', { clientId: '  ' }));
    expect(empty.message).toMatch(/Paste the Client ID/);
    const port = await setupError(
      controller.configureProvider('spotify', { clientId: SPOTIFY_ID, redirectPort: 80 }),
    );
    expect(port.code).toBe('invalid_redirect_port');
    expect(port.message).toMatch(/1024 to 65535/);
    // TIDAL: letters and digits, 8 to 64 of them.
    for (const clientId of ['short', 'has-a-dash-in-it', 'x'.repeat(65)]) {
      const tidal = await setupError(controller.configureProvider('tidal', { clientId }));
      expect(tidal.message).toMatch(
        /not a TIDAL client ID: it should be 8 to 64 letters and digits/,
      );
    }
    expect(host.controller.status().providers).toEqual([]);
    expect(await host.audit.query({ kind: 'config.changed' })).toEqual([]);
  });

  it('registers a configured provider at once: listed as not connected, and login starts', async () => {
    const before = host.controller.providerSetup().find((item) => item.provider === 'spotify');
    expect(before).toMatchObject({
      configured: false,
      redirectUri: 'http://127.0.0.1/callback',
      dashboardUrl: 'https://developer.spotify.com/dashboard',
    });
    expect(before?.note).toMatch(/any port/);

    const answer = await handleHostApi(
      host,
      HostApiRequest.parse({
        op: 'provider.configure',
        provider: 'spotify',
        appClientId: SPOTIFY_ID,
      }),
    );
    expect(answer).toMatchObject({ op: 'provider.configure', restartRequired: false });
    expect(changes).toBe(1);

    const status = await handleHostApi(host, { op: 'status' });
    if (status.op !== 'status') throw new Error('no status');
    expect(status.status.sandbox).toBe(false);
    expect(status.status.providers).toEqual([
      { provider: 'spotify', status: 'disconnected', scopes: [] },
    ]);
    expect(status.status.setup?.find((item) => item.provider === 'spotify')).toMatchObject({
      configured: true,
      appClientId: SPOTIFY_ID,
    });
    expect(status.status.secretStorage).toEqual({
      description: 'Memory (test)',
      warning: 'Only obfuscated (test)',
    });
    const settings = JSON.parse(await readFile(hostPaths(home).settingsFile, 'utf8')) as {
      providers: Record<string, { clientId?: string }>;
    };
    expect(settings.providers.spotify?.clientId).toBe(SPOTIFY_ID);
    const [audit] = await host.audit.query({ kind: 'config.changed' });
    expect(audit).toMatchObject({ outcome: 'ok', provider: 'spotify' });
    expect(audit?.message).toMatch(/^Spotify client ID saved \(app …cdef\)$/);

    // The login goes to the URLs from the environment, with the person's own client ID.
    const attempt = await host.controller.startLogin('spotify');
    const authorization = new URL(attempt.authorizationUrl);
    expect(`${authorization.origin}${authorization.pathname}`).toBe(sandbox.spotify.authorizeUrl);
    expect(authorization.searchParams.get('client_id')).toBe(SPOTIFY_ID);
    expect(attempt.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    // The person declines; the loopback listener closes and the login ends with that.
    const state = authorization.searchParams.get('state') ?? '';
    await fetch(`${attempt.redirectUri}?error=access_denied&state=${state}`);
    await expect(attempt.done).rejects.toThrow();
  });

  it('will not swap the app under a connected account, and forgets it once disconnected', async () => {
    await host.controller.configureProvider('spotify', { clientId: SPOTIFY_ID });
    // As if a login had completed with this app.
    SettingsStore.open(hostPaths(home).settingsFile).update((settings) => ({
      ...settings,
      accounts: {
        spotify: {
          status: 'connected',
          accountId: 'listener',
          displayName: 'Listener',
          scopes: [],
          connectedAt: new Date().toISOString(),
        },
      },
    }));
    const swap = await setupError(
      host.controller.configureProvider('spotify', { clientId: OTHER_SPOTIFY_ID }),
    );
    expect(swap.code).toBe('provider_in_use');
    expect(swap.message).toMatch(/^Disconnect Spotify first/);
    await expect(host.controller.removeProviderConfig('spotify')).rejects.toThrow(
      /Disconnect Spotify first/,
    );
    // Saving the same client ID again (say, with another port) is no swap.
    await host.controller.configureProvider('spotify', { clientId: SPOTIFY_ID });

    await host.accounts.disconnect('spotify');
    const removed = await handleHostApi(host, { op: 'provider.unconfigure', provider: 'spotify' });
    expect(removed).toMatchObject({ op: 'provider.unconfigure', restartRequired: false });
    expect(host.controller.status().providers).toEqual([]);
    expect(host.controller.providerSetup()[0]).toMatchObject({ configured: false });
    expect(host.controller.providerSetup()[0]?.appClientId).toBeUndefined();
    expect(await host.audit.query({ kind: 'config.changed' })).toHaveLength(3);
  });

  it('leaves a client ID set in the environment alone, and shows it', async () => {
    const tidal = await setupError(
      host.controller.configureProvider('tidal', { clientId: 'fromTheWindow123' }),
    );
    expect(tidal.code).toBe('set_by_environment');
    expect(tidal.message).toMatch(/TUNEBRIDGE_TIDAL_CLIENT_ID is set where TuneBridge runs/);
    expect(host.controller.providerSetup().find((item) => item.provider === 'tidal')).toEqual({
      provider: 'tidal',
      configured: true,
      appClientId: 'fromTheEnvironment1',
      fromEnvironment: true,
      redirectPort: 8765,
      redirectUri: 'http://127.0.0.1:8765/callback',
      dashboardUrl: 'https://developer.tidal.com/dashboard',
      note: expect.stringMatching(/exact address/) as unknown,
    });
  });
});

describe('configuring a provider in sandbox mode', () => {
  let env: TestHost;
  beforeEach(async () => {
    env = await startTestHost();
  });
  afterEach(() => env?.stop());

  it('saves the client ID and asks for a restart to leave sandbox mode', async () => {
    const changed: number[] = [];
    env.host.events.on('providers.changed', () => changed.push(1));
    const answer = await handleHostApi(env.host, {
      op: 'provider.configure',
      provider: 'tidal',
      appClientId: 'MyTidalApp2024',
      redirectPort: 9123,
    });
    expect(answer).toMatchObject({ op: 'provider.configure', restartRequired: true });
    if (answer.op !== 'provider.configure') throw new Error('unexpected answer');
    expect(answer.message).toMatch(/restart TuneBridge \(quit it, then run `npm start`\)/);
    expect(answer.message).toMatch(/leave sandbox mode/);
    // The stand-ins stay until the restart.
    expect(changed).toEqual([]);
    expect(env.host.accounts.runtime('tidal')?.oauth.clientId).toBe('tunebridge-sandbox-tidal');
    expect(env.host.controller.providerSetup().find((p) => p.provider === 'tidal')).toMatchObject({
      configured: true,
      appClientId: 'MyTidalApp2024',
      redirectPort: 9123,
      redirectUri: 'http://127.0.0.1:9123/callback',
    });
    const settings = JSON.parse(await readFile(env.paths.settingsFile, 'utf8')) as {
      providers: Record<string, { clientId?: string; redirectPort?: number }>;
    };
    expect(settings.providers.tidal).toEqual({ clientId: 'MyTidalApp2024', redirectPort: 9123 });
    const [audit] = await env.host.audit.query({ kind: 'config.changed' });
    expect(audit?.message).toMatch(/takes effect when TuneBridge restarts/);
  });
});
