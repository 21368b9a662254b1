import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { OAuthProviderConfig } from '../../../electron/host/auth/oauth-client.js';

export type TokenEndpointMode = 'ok' | 'invalid_grant' | 'server_error' | 'garbage';

export interface TokenRequest {
  grantType: string | null;
  params: URLSearchParams;
}

/**
 * A real OAuth token endpoint on 127.0.0.1 that stands in for Spotify's or TIDAL's: it checks
 * PKCE, issues and rotates refresh tokens, and can be told to fail or to answer slowly.
 */
export interface TokenEndpoint {
  readonly url: string;
  readonly clientId: string;
  readonly requests: TokenRequest[];
  mode: TokenEndpointMode;
  delayMs: number;
  rotateRefreshTokens: boolean;
  expiresIn: number;
  /** The `scope` field to answer with; undefined leaves it out. */
  scope: string | undefined;
  /** The code the login "approved", and the challenge and redirect URI it was issued for. */
  authorization?: { code: string; codeChallenge: string; redirectUri: string };
  /** Registers a refresh token the endpoint will accept. */
  issueRefreshToken(): string;
  refreshRequests(): number;
  close(): Promise<void>;
}

/** A Spotify-like provider config whose token requests go to `endpoint`; `overrides` win. */
export function endpointConfig(
  endpoint: TokenEndpoint,
  overrides: Partial<OAuthProviderConfig> = {},
): OAuthProviderConfig {
  return {
    provider: 'spotify',
    clientId: endpoint.clientId,
    authorizeUrl: 'https://accounts.example.test/authorize',
    tokenUrl: endpoint.url,
    scopes: ['user-read-private', 'user-library-read'],
    redirectPort: 0,
    ...overrides,
  };
}

export async function startTokenEndpoint(): Promise<TokenEndpoint> {
  const validRefreshTokens = new Set<string>();
  const requests: TokenRequest[] = [];
  const endpoint = {
    url: '',
    clientId: 'test-client',
    requests,
    mode: 'ok' as TokenEndpointMode,
    delayMs: 0,
    rotateRefreshTokens: false,
    expiresIn: 3600,
    scope: undefined as string | undefined,
    authorization: undefined as TokenEndpoint['authorization'],
    issueRefreshToken() {
      const token = `refresh-${randomBytes(12).toString('base64url')}`;
      validRefreshTokens.add(token);
      return token;
    },
    refreshRequests() {
      return requests.filter((request) => request.grantType === 'refresh_token').length;
    },
    close: () => Promise.resolve(),
  };

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST' || request.url !== '/token') {
      return send(response, 404, { error: 'not_found' });
    }
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const params = new URLSearchParams(body);
    requests.push({ grantType: params.get('grant_type'), params });
    if (endpoint.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, endpoint.delayMs));

    if (endpoint.mode === 'server_error') {
      return send(response, 500, { error: 'server_error', error_description: body });
    }
    if (endpoint.mode === 'garbage') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      return response.end(`{"access_token": ${JSON.stringify(body)}, "expires_in": "soon"`);
    }
    // Providers echo what they were sent in their descriptions; the client must not repeat it.
    const refuse = () =>
      send(response, 400, { error: 'invalid_grant', error_description: `Rejected: ${body}` });
    if (endpoint.mode === 'invalid_grant') return refuse();
    if (params.get('client_id') !== endpoint.clientId) return refuse();

    let refreshToken: string | undefined;
    if (params.get('grant_type') === 'authorization_code') {
      const expected = endpoint.authorization;
      const verifier = params.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (
        !expected ||
        params.get('code') !== expected.code ||
        params.get('redirect_uri') !== expected.redirectUri ||
        challenge !== expected.codeChallenge
      ) {
        return refuse();
      }
      endpoint.authorization = undefined;
      refreshToken = endpoint.issueRefreshToken();
    } else if (params.get('grant_type') === 'refresh_token') {
      const presented = params.get('refresh_token') ?? '';
      if (!validRefreshTokens.has(presented)) return refuse();
      if (endpoint.rotateRefreshTokens) {
        validRefreshTokens.delete(presented);
        refreshToken = endpoint.issueRefreshToken();
      }
    } else {
      return send(response, 400, { error: 'unsupported_grant_type' });
    }

    return send(response, 200, {
      access_token: `access-${requests.length}-${randomBytes(12).toString('base64url')}`,
      token_type: 'Bearer',
      expires_in: endpoint.expiresIn,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      ...(endpoint.scope === undefined ? {} : { scope: endpoint.scope }),
    });
  };

  const server = createServer((request, response) => {
    answer(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  endpoint.url = `http://127.0.0.1:${address.port}/token`;
  endpoint.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return endpoint;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}
