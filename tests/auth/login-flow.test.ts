import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLogin } from '../../electron/host/auth/login-flow.js';
import type { OAuthProviderConfig } from '../../electron/host/auth/oauth-client.js';
import { secureFetch } from '../../electron/host/http/secure-fetch.js';
import {
  endpointConfig,
  startTokenEndpoint,
  type TokenEndpoint,
} from './helpers/token-endpoint.js';

let endpoint: TokenEndpoint;
let config: OAuthProviderConfig;
beforeEach(async () => {
  endpoint = await startTokenEndpoint();
  config = endpointConfig(endpoint);
});
afterEach(() => endpoint.close());

function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

/** Plays the provider's authorize page: approves, and remembers what the code was issued for. */
function approve(authorizationUrl: string, code: string): URL {
  const request = new URL(authorizationUrl);
  const redirectUri = request.searchParams.get('redirect_uri') ?? '';
  endpoint.authorization = {
    code,
    codeChallenge: request.searchParams.get('code_challenge') ?? '',
    redirectUri,
  };
  const back = new URL(redirectUri);
  back.searchParams.set('code', code);
  back.searchParams.set('state', request.searchParams.get('state') ?? '');
  return back;
}

async function closedFor(redirectUri: string): Promise<boolean> {
  return fetch(redirectUri).then(
    () => false,
    () => true,
  );
}

describe('startLogin', () => {
  it('runs authorization code + PKCE end to end against a real token endpoint', async () => {
    const flow = await startLogin(config, secureFetch);
    const request = new URL(flow.authorizationUrl);
    expect(request.searchParams.get('code_challenge_method')).toBe('S256');
    expect(request.searchParams.get('redirect_uri')).toBe(flow.redirectUri);
    expect(request.searchParams.get('scope')).toBe('user-read-private user-library-read');
    expect(request.searchParams.get('code_verifier')).toBeNull();

    const page = await fetch(approve(flow.authorizationUrl, 'approved-code'));
    expect(page.status).toBe(200);
    const tokens = await flow.done;
    expect(tokens.accessToken).toMatch(/^access-1-/);
    expect(tokens.refreshToken).toMatch(/^refresh-/);
    expect(tokens.scopes).toEqual(config.scopes);
    expect(endpoint.requests).toHaveLength(1);
    expect(await closedFor(flow.redirectUri)).toBe(true);
  });

  it('fails when the token endpoint rejects the verifier (a forged challenge)', async () => {
    const flow = await startLogin(config, secureFetch);
    const back = approve(flow.authorizationUrl, 'approved-code');
    if (endpoint.authorization) endpoint.authorization.codeChallenge = 'someone-elses-challenge';
    await fetch(back);
    await expect(rejection(flow.done)).resolves.toMatchObject({ code: 'invalid_grant' });
    expect(await closedFor(flow.redirectUri)).toBe(true);
  });

  it('reports a denial and never calls the token endpoint', async () => {
    const flow = await startLogin(config, secureFetch);
    const back = new URL(flow.redirectUri);
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('state', new URL(flow.authorizationUrl).searchParams.get('state') ?? '');
    await fetch(back);
    await expect(rejection(flow.done)).resolves.toMatchObject({ code: 'access_denied' });
    expect(endpoint.requests).toHaveLength(0);
  });

  it('can be cancelled, which closes the listener', async () => {
    const flow = await startLogin(config, secureFetch);
    flow.cancel();
    await expect(rejection(flow.done)).resolves.toMatchObject({ code: 'cancelled' });
    expect(await closedFor(flow.redirectUri)).toBe(true);
  });

  it('cancelling during the code exchange stops it', async () => {
    endpoint.delayMs = 2_000;
    const flow = await startLogin(config, secureFetch);
    await fetch(approve(flow.authorizationUrl, 'approved-code'));
    while (endpoint.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    flow.cancel();
    await expect(rejection(flow.done)).resolves.toMatchObject({ code: 'cancelled' });
  });

  it('times out when the person never comes back', async () => {
    const flow = await startLogin(config, secureFetch, { timeoutMs: 100 });
    await expect(rejection(flow.done)).resolves.toMatchObject({ code: 'timeout' });
    expect(await closedFor(flow.redirectUri)).toBe(true);
  });
});
