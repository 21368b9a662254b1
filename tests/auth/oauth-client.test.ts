import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildAuthorizationUrl,
  exchangeCode,
  refreshTokens,
  type OAuthProviderConfig,
} from '../../electron/host/auth/oauth-client.js';
import { OAuthError } from '../../electron/host/auth/oauth-error.js';
import { codeChallengeS256, createCodeVerifier } from '../../electron/host/auth/pkce.js';
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
  config = endpointConfig(endpoint, {
    authorizeUrl: 'https://accounts.example.test/authorize?show_dialog=true',
    scopes: ['user-read-private', 'playlist-read-private'],
  });
});
afterEach(() => endpoint.close());

const clock = () => 1_700_000_000_000;

async function failure(promise: Promise<unknown>): Promise<OAuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OAuthError);
  return error as OAuthError;
}

describe('buildAuthorizationUrl', () => {
  it('asks for a code with an S256 challenge and space-joined scopes', () => {
    const url = new URL(
      buildAuthorizationUrl(config, {
        redirectUri: 'http://127.0.0.1:4321/callback',
        state: 'the-state',
        codeChallenge: 'the-challenge',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://accounts.example.test/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      show_dialog: 'true',
      response_type: 'code',
      client_id: endpoint.clientId,
      redirect_uri: 'http://127.0.0.1:4321/callback',
      scope: 'user-read-private playlist-read-private',
      state: 'the-state',
      code_challenge: 'the-challenge',
      code_challenge_method: 'S256',
    });
  });
});

describe('exchangeCode', () => {
  it('posts a form with client_id and the verifier, and returns a TokenSet', async () => {
    const verifier = createCodeVerifier();
    const redirectUri = 'http://127.0.0.1:4321/callback';
    endpoint.authorization = {
      code: 'login-code',
      codeChallenge: codeChallengeS256(verifier),
      redirectUri,
    };
    const tokens = await exchangeCode(
      config,
      { code: 'login-code', redirectUri, codeVerifier: verifier },
      secureFetch,
      clock,
    );
    expect(tokens).toMatchObject({
      tokenType: 'Bearer',
      obtainedAt: clock(),
      expiresAt: clock() + 3_600_000,
      scopes: config.scopes,
    });
    expect(tokens.refreshToken).toMatch(/^refresh-/);
    const [request] = endpoint.requests;
    expect(request?.params.get('grant_type')).toBe('authorization_code');
    expect(request?.params.get('client_id')).toBe(endpoint.clientId);
    expect(request?.params.get('client_secret')).toBeNull();
  });

  it('reports a wrong verifier as invalid_grant without echoing the answer', async () => {
    endpoint.authorization = {
      code: 'login-code',
      codeChallenge: codeChallengeS256(createCodeVerifier()),
      redirectUri: 'http://127.0.0.1:1/callback',
    };
    const verifier = createCodeVerifier();
    const error = await failure(
      exchangeCode(
        config,
        { code: 'login-code', redirectUri: 'http://127.0.0.1:1/callback', codeVerifier: verifier },
        secureFetch,
      ),
    );
    expect(error.code).toBe('invalid_grant');
    expect(error.message).not.toContain(verifier);
    expect(error.message).not.toContain('login-code');
  });
});

describe('refreshTokens', () => {
  it('keeps the old refresh token and scopes when the provider sends none', async () => {
    const refreshToken = endpoint.issueRefreshToken();
    const tokens = await refreshTokens(config, refreshToken, ['a', 'b'], secureFetch, clock);
    expect(tokens.refreshToken).toBe(refreshToken);
    expect(tokens.scopes).toEqual(['a', 'b']);
    expect(endpoint.requests[0]?.params.get('refresh_token')).toBe(refreshToken);
  });

  it('takes a rotated refresh token and the granted scopes from the answer', async () => {
    endpoint.rotateRefreshTokens = true;
    endpoint.scope = 'user-read-private  user-library-read';
    const refreshToken = endpoint.issueRefreshToken();
    const tokens = await refreshTokens(config, refreshToken, ['a'], secureFetch, clock);
    expect(tokens.refreshToken).not.toBe(refreshToken);
    expect(tokens.refreshToken).toMatch(/^refresh-/);
    expect(tokens.scopes).toEqual(['user-read-private', 'user-library-read']);
  });

  it('reports a revoked refresh token as invalid_grant', async () => {
    const error = await failure(refreshTokens(config, 'refresh-unknown', [], secureFetch));
    expect(error.code).toBe('invalid_grant');
    expect(error.message).not.toContain('refresh-unknown');
  });

  it('reports a 5xx with its status but not its body', async () => {
    endpoint.mode = 'server_error';
    const refreshToken = endpoint.issueRefreshToken();
    const error = await failure(refreshTokens(config, refreshToken, [], secureFetch));
    expect(error.code).toBe('token_endpoint_failed');
    expect(error.message).toContain('HTTP 500');
    expect(error.message).not.toContain(refreshToken);
  });

  it('reports an unreadable answer without quoting it', async () => {
    endpoint.mode = 'garbage';
    const refreshToken = endpoint.issueRefreshToken();
    const error = await failure(refreshTokens(config, refreshToken, [], secureFetch));
    expect(error.code).toBe('token_endpoint_failed');
    expect(error.message).not.toContain(refreshToken);
  });

  it('reports an unreachable endpoint as token_endpoint_failed', async () => {
    await endpoint.close();
    const error = await failure(
      refreshTokens(config, endpoint.issueRefreshToken(), [], secureFetch),
    );
    expect(error.code).toBe('token_endpoint_failed');
    expect(error.message).toContain('could not be reached');
  });
});
