import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OAuthProviderConfig } from '../../electron/host/auth/oauth-client.js';
import { TokenManager, type TokenStorage } from '../../electron/host/auth/token-manager.js';
import { BrokerError } from '../../electron/host/broker/broker-error.js';
import { secureFetch } from '../../electron/host/http/secure-fetch.js';
import type { TokenSet } from '../../electron/host/vault/token-set.js';
import { TokenVault } from '../../electron/host/vault/token-vault.js';
import type { ProviderId } from '../../protocol/providers.js';
import { MemorySecretStore } from './helpers/memory-secret-store.js';
import { startTokenEndpoint, type TokenEndpoint } from './helpers/token-endpoint.js';

let endpoint: TokenEndpoint;
let vault: TokenVault;
let log: string[];
let needsLogin: Array<[ProviderId, string]>;
let refreshed: TokenSet[];

/** The real vault, with every save written into `log` so tests can check the order of events. */
function recordingStorage(): TokenStorage {
  return {
    load: (provider) => vault.load(provider),
    save: async (provider, tokens) => {
      await vault.save(provider, tokens);
      log.push(`saved ${tokens.refreshToken ?? '-'}`);
    },
  };
}

function config(): OAuthProviderConfig {
  return {
    provider: 'spotify',
    clientId: endpoint.clientId,
    authorizeUrl: 'https://accounts.example.test/authorize',
    tokenUrl: endpoint.url,
    scopes: ['user-read-private'],
    redirectPort: 0,
  };
}

function manager(storage: TokenStorage = recordingStorage()): TokenManager {
  return new TokenManager({
    storage,
    configFor: () => config(),
    fetch: secureFetch,
    onRefreshed: (_provider, tokens) => refreshed.push(tokens),
    onNeedsLogin: (provider, reason) => needsLogin.push([provider, reason]),
  });
}

let storedCount = 0;

function tokens(overrides: Partial<TokenSet> = {}): TokenSet {
  return {
    accessToken: `access-stored-${(storedCount += 1)}`,
    refreshToken: endpoint.issueRefreshToken(),
    tokenType: 'Bearer',
    expiresAt: Date.now() + 3_600_000,
    obtainedAt: Date.now(),
    scopes: ['user-read-private'],
    ...overrides,
  };
}

const expiring = () => tokens({ expiresAt: Date.now() + 5_000 });

async function brokerFailure(promise: Promise<unknown>): Promise<BrokerError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BrokerError);
  return error as BrokerError;
}

beforeEach(async () => {
  endpoint = await startTokenEndpoint();
  vault = new TokenVault(new MemorySecretStore());
  log = [];
  needsLogin = [];
  refreshed = [];
});
afterEach(() => endpoint.close());

describe('TokenManager', () => {
  it('says "not connected" when nothing is stored', async () => {
    const error = await brokerFailure(manager().getAccessToken('spotify'));
    expect(error.code).toBe('needs_login');
    expect(error.message).toContain("Spotify isn't connected");
    expect(endpoint.requests).toHaveLength(0);
  });

  it('returns a stored token that is still fresh without refreshing', async () => {
    const stored = tokens();
    await vault.save('spotify', stored);
    expect(await manager().getAccessToken('spotify')).toBe(stored.accessToken);
    expect(endpoint.requests).toHaveLength(0);
  });

  it('shares one refresh among ten concurrent callers of an expiring token', async () => {
    endpoint.delayMs = 100;
    await vault.save('spotify', expiring());
    const tokensManager = manager();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => tokensManager.getAccessToken('spotify')),
    );
    expect(endpoint.refreshRequests()).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toMatch(/^access-1-/);
    expect(refreshed).toHaveLength(1);
    // And the refreshed token is now cached.
    expect(await tokensManager.getAccessToken('spotify')).toBe(results[0]);
    expect(endpoint.refreshRequests()).toBe(1);
  });

  it('stores a rotated refresh token before handing out the new access token', async () => {
    endpoint.rotateRefreshTokens = true;
    const stored = expiring();
    await vault.save('spotify', stored);
    const accessToken = await manager()
      .getAccessToken('spotify')
      .then((token) => {
        log.push('resolved');
        return token;
      });
    const saved = await vault.load('spotify');
    expect(saved?.accessToken).toBe(accessToken);
    expect(saved?.refreshToken).not.toBe(stored.refreshToken);
    expect(log).toEqual([`saved ${saved?.refreshToken}`, 'resolved']);
  });

  it('keeps rotated tokens it could not store, uses them, saves them later, and never replays the exchanged refresh token', async () => {
    endpoint.rotateRefreshTokens = true;
    const stored = expiring();
    await vault.save('spotify', stored);
    // The keyring is unavailable for a moment: saves fail until it comes back.
    let storeDown = true;
    const storage = recordingStorage();
    const flaky: TokenStorage = {
      load: storage.load,
      save: (provider, tokens) =>
        storeDown ? Promise.reject(new Error('keyring locked')) : storage.save(provider, tokens),
    };
    const saveFailures: ProviderId[] = [];
    const tokensManager = new TokenManager({
      storage: flaky,
      configFor: () => config(),
      fetch: secureFetch,
      onRefreshed: (_provider, tokens) => refreshed.push(tokens),
      onNeedsLogin: (provider, reason) => needsLogin.push([provider, reason]),
      onSaveFailed: (provider) => saveFailures.push(provider),
      saveRetryMs: 20,
    });

    const first = await tokensManager.getAccessToken('spotify');
    expect(first).toMatch(/^access-1-/);
    expect(saveFailures).toEqual(['spotify']);

    // The next refresh presents the rotated refresh token, not the one already exchanged, so a
    // rotating server accepts it and the person stays logged in.
    const second = await tokensManager.refreshAfterUnauthorized('spotify', first);
    expect(second).toMatch(/^access-2-/);
    const presented = endpoint.requests.map((r) => r.params.get('refresh_token'));
    expect(presented[0]).toBe(stored.refreshToken);
    expect(presented[1]).not.toBe(stored.refreshToken);
    expect(needsLogin).toEqual([]);
    expect(saveFailures).toEqual(['spotify']);

    // Once the store is back the newest tokens reach it, without another refresh.
    storeDown = false;
    for (let i = 0; i < 200 && (await vault.load('spotify'))?.accessToken !== second; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await vault.load('spotify'))?.accessToken).toBe(second);
    expect(endpoint.refreshRequests()).toBe(2);
  });

  it('on invalid_grant signs out once and then fails fast until adopt()', async () => {
    await vault.save('spotify', expiring());
    endpoint.mode = 'invalid_grant';
    const tokensManager = manager();
    const first = await Promise.all(
      Array.from({ length: 3 }, () => brokerFailure(tokensManager.getAccessToken('spotify'))),
    );
    for (const error of first) expect(error.code).toBe('needs_login');
    expect(endpoint.refreshRequests()).toBe(1);
    expect(needsLogin).toEqual([['spotify', 'refresh token rejected']]);

    const later = await brokerFailure(tokensManager.getAccessToken('spotify'));
    expect(later.code).toBe('needs_login');
    expect(later.message).toContain('log in to Spotify');
    const afterUnauthorized = await brokerFailure(
      tokensManager.refreshAfterUnauthorized('spotify', 'anything'),
    );
    expect(afterUnauthorized.code).toBe('needs_login');
    expect(endpoint.refreshRequests()).toBe(1);
    expect(needsLogin).toHaveLength(1);

    const fresh = tokens();
    tokensManager.adopt('spotify', fresh);
    expect(await tokensManager.getAccessToken('spotify')).toBe(fresh.accessToken);
    expect(endpoint.refreshRequests()).toBe(1);
  });

  it('reports a 5xx as upstream_unavailable and keeps the login', async () => {
    await vault.save('spotify', expiring());
    endpoint.mode = 'server_error';
    const tokensManager = manager();
    const error = await brokerFailure(tokensManager.getAccessToken('spotify'));
    expect(error.code).toBe('upstream_unavailable');
    expect(error.message).toContain('HTTP 500');
    expect(needsLogin).toHaveLength(0);

    endpoint.mode = 'ok';
    expect(await tokensManager.getAccessToken('spotify')).toMatch(/^access-2-/);
  });

  it('reports an unreachable token endpoint as upstream_unavailable', async () => {
    await vault.save('spotify', expiring());
    await endpoint.close();
    const error = await brokerFailure(manager().getAccessToken('spotify'));
    expect(error.code).toBe('upstream_unavailable');
    expect(needsLogin).toHaveLength(0);
  });

  it('after a 401 with a stale token, returns the current one without refreshing', async () => {
    const current = tokens();
    await vault.save('spotify', current);
    const tokensManager = manager();
    expect(await tokensManager.getAccessToken('spotify')).toBe(current.accessToken);
    expect(await tokensManager.refreshAfterUnauthorized('spotify', 'an-older-token')).toBe(
      current.accessToken,
    );
    expect(endpoint.requests).toHaveLength(0);
  });

  it('after a 401 with the current token, refreshes once for all callers', async () => {
    endpoint.delayMs = 50;
    const current = tokens();
    await vault.save('spotify', current);
    const tokensManager = manager();
    const rejected = await tokensManager.getAccessToken('spotify');
    const renewed = await Promise.all(
      Array.from({ length: 5 }, () => tokensManager.refreshAfterUnauthorized('spotify', rejected)),
    );
    expect(endpoint.refreshRequests()).toBe(1);
    expect(new Set(renewed).size).toBe(1);
    expect(renewed[0]).not.toBe(rejected);
    expect((await vault.load('spotify'))?.accessToken).toBe(renewed[0]);
  });

  it('forget() drops the cached token', async () => {
    const current = tokens();
    await vault.save('spotify', current);
    const tokensManager = manager();
    await tokensManager.getAccessToken('spotify');
    await vault.erase('spotify');
    tokensManager.forget('spotify');
    expect((await brokerFailure(tokensManager.getAccessToken('spotify'))).code).toBe('needs_login');
  });
});
