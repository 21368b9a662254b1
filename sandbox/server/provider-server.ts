import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountState, type AccountStore, type PersonKey } from '../accounts/index.js';
import {
  AuthorizationServer,
  type AuthorizationStep,
  type Decision,
} from '../oauth/authorization-server.js';
import { consentPage, errorPage } from '../oauth/consent-page.js';
import type { RedirectPolicy } from '../oauth/redirect-policy.js';
import { SCOPES } from '../oauth/scopes.js';
import { TokenEndpoint } from '../oauth/token-endpoint.js';
import { TokenStore, type Grant } from '../oauth/token-store.js';
import type { ProviderSandbox, RecordedRequest, SandboxProvider } from '../types.js';
import type { ApiResponse, ProviderApi } from './api-types.js';
import { FaultQueue, RandomFaultSource } from './faults.js';
import {
  BodyTooLargeError,
  bearerToken,
  parseForm,
  readBody,
  redirect,
  sendHtml,
  sendJson,
} from './http.js';

export interface ProviderServerConfig {
  provider: SandboxProvider;
  serviceName: string;
  clientId: string;
  tokenPath: string;
  /** `/v1/` or `/v2/`: requests under it are API requests (faults and bearer tokens apply). */
  apiPrefix: string;
  redirectPolicy: RedirectPolicy;
  accessTokenLifetimeSeconds: number;
  rotateRefreshTokens: boolean;
  withheldScopes?: readonly string[];
  store: AccountStore;
  sampleQuery: string;
  makeApi(apiBaseUrl: string): ProviderApi;
  tokenExtras?: (grant: Grant) => Record<string, string | number>;
}

/** Raised by `approve()`/`deny()` when the authorization URL would show an error page. */
export class SandboxAuthorizationError extends Error {
  readonly code = 'SANDBOX_AUTHORIZATION_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'SandboxAuthorizationError';
  }
}

const APP_NAME = 'TuneBridge';
const UNAUTHORIZED_MESSAGES = {
  missing: 'No token provided',
  invalid: 'Invalid access token',
  expired: 'The access token expired',
  revoked: 'The access token has been revoked',
} as const;

/** One provider's sandbox on 127.0.0.1 and an ephemeral port: OAuth pages, token endpoint, API. */
export async function startProviderServer(
  config: ProviderServerConfig,
): Promise<{ sandbox: ProviderSandbox; close(): Promise<void> }> {
  const tokens = new TokenStore(`sbx-${config.provider}`, {
    accessTokenLifetimeSeconds: config.accessTokenLifetimeSeconds,
    rotateRefreshTokens: config.rotateRefreshTokens,
  });
  const authorization = new AuthorizationServer({
    provider: config.provider,
    clientId: config.clientId,
    redirectPolicy: config.redirectPolicy,
    tokens,
    people: config.store.people(),
    withheldScopes: config.withheldScopes,
  });
  const tokenEndpoint = new TokenEndpoint({
    clientId: config.clientId,
    tokens,
    extraFields: config.tokenExtras,
  });
  const faults = new FaultQueue();
  const randomFaults = new RandomFaultSource();
  const requests: RecordedRequest[] = [];
  // The API needs the port for its hrefs, so it is made once the server listens.
  const late: { api?: ProviderApi } = {};

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const seen: { apiBody?: unknown } = {};
    res.on('finish', () => {
      // Headers carry bearer tokens and OAuth bodies carry codes and secrets: neither is kept.
      // API bodies (playlist names, URIs) are kept so tests can check them against the spec.
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        status: res.statusCode,
        ...(seen.apiBody !== undefined ? { body: seen.apiBody } : {}),
      });
    });
    route(req, res, url, seen).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
      } else if (error instanceof BodyTooLargeError) {
        sendJson(res, 413, { error: 'invalid_request', error_description: error.message });
      } else {
        sendJson(res, 500, { error: 'server_error', error_description: String(error) });
      }
    });
  });

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    seen: { apiBody?: unknown },
  ): Promise<void> {
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/authorize') {
      return answerAuthorization(res, authorization.begin(url.searchParams));
    }
    if (method === 'POST' && url.pathname === '/authorize/decision') {
      const form = parseForm(await readBody(req));
      const decision: Decision = form.decision === 'approve' ? 'approve' : 'deny';
      return answerAuthorization(
        res,
        authorization.decide(form.request ?? '', decision, form.person),
      );
    }
    if (url.pathname === config.tokenPath) {
      if (method !== 'POST') {
        return sendJson(res, 405, { error: 'invalid_request', error_description: 'Use POST' });
      }
      const form = parseForm(await readBody(req));
      const answer = tokenEndpoint.handle(req.headers['content-type'], form);
      return sendJson(res, answer.status, answer.body, { pragma: 'no-cache' });
    }
    if (url.pathname.startsWith(config.apiPrefix) && late.api) {
      return sendApi(res, await answerApi(req, url, late.api, seen), late.api);
    }
    sendJson(res, 404, { error: { status: 404, message: 'Service not found' } });
  }

  function answerAuthorization(res: ServerResponse, step: AuthorizationStep): void {
    if (step.kind === 'redirect') return redirect(res, step.location);
    if (step.kind === 'error-page')
      return sendHtml(res, 400, errorPage(config.serviceName, step.message));
    const known = SCOPES[config.provider];
    sendHtml(
      res,
      200,
      consentPage({
        serviceName: config.serviceName,
        appName: APP_NAME,
        pendingId: step.pendingId,
        scopes: step.scopes.map((scope) => [scope, known[scope] ?? scope]),
        people: config.store.people(),
        redirectOrigin: new URL(step.redirectUri).origin,
      }),
    );
  }

  async function answerApi(
    req: IncomingMessage,
    url: URL,
    provider: ProviderApi,
    seen: { apiBody?: unknown },
  ): Promise<ApiResponse> {
    const fault = faults.take(url.pathname) ?? randomFaults.take();
    if (fault) {
      const answer = provider.error(fault.status, faultMessage(fault.status));
      if (fault.retryAfterSeconds !== undefined) {
        answer.headers = { 'retry-after': String(fault.retryAfterSeconds) };
      }
      return answer;
    }
    const token = bearerToken(req);
    const check = token ? tokens.checkAccess(token) : ({ ok: false, reason: 'missing' } as const);
    if (!check.ok) {
      const answer = provider.error(401, UNAUTHORIZED_MESSAGES[check.reason]);
      answer.headers = {
        'www-authenticate': `Bearer realm="${config.provider}", error="invalid_token"`,
      };
      return answer;
    }
    const raw = await readBody(req);
    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw);
        seen.apiBody = body;
      } catch {
        return provider.error(400, 'Error parsing JSON.');
      }
    }
    const answer = provider.handle({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      grant: check.grant,
      body,
      // Routes that honour headers (TIDAL's Idempotency-Key) read them here; Spotify's ignore them.
      headers: req.headers,
    });
    return answer ?? provider.error(404, 'Service not found');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  late.api = config.makeApi(baseUrl);
  const authorizeUrl = `${baseUrl}/authorize`;

  /** The server-side half of clicking a button, then a visit to the app's callback. */
  async function decideAndFollow(authorizationUrl: string, decision: Decision, person?: PersonKey) {
    const url = new URL(authorizationUrl);
    if (`${url.origin}${url.pathname}` !== authorizeUrl) {
      throw new SandboxAuthorizationError(
        `Not this sandbox's authorization URL: ${url.origin}${url.pathname}`,
      );
    }
    let step = authorization.begin(url.searchParams);
    if (step.kind === 'consent') step = authorization.decide(step.pendingId, decision, person);
    if (step.kind === 'error-page') throw new SandboxAuthorizationError(step.message);
    if (step.kind !== 'redirect')
      throw new SandboxAuthorizationError('The consent page did not redirect.');
    const response = await fetch(step.location, { redirect: 'manual' });
    await response.arrayBuffer();
    return step.location;
  }

  const sandbox: ProviderSandbox = {
    provider: config.provider,
    baseUrl,
    apiBaseUrl: baseUrl,
    clientId: config.clientId,
    authorizeUrl,
    tokenUrl: `${baseUrl}${config.tokenPath}`,
    sampleQuery: config.sampleQuery,
    requests,
    issuedTokens: () => tokens.issuedTokens(),
    revokeAll: () => tokens.revokeAll(),
    expireAccessTokens: () => tokens.expireAccessTokens(),
    setLifetimes: (lifetimes) => {
      if (lifetimes.accessTokenSeconds !== undefined)
        tokens.setAccessLifetime(lifetimes.accessTokenSeconds);
    },
    injectFaults: (list) => faults.add(list),
    setRandomFaults: (random) => randomFaults.set(random),
    state: (person = 'listener') => accountState(config.store, person),
    tokenRequestCount: () => tokenEndpoint.requestCounts(),
    approve: (authorizationUrl, person = 'listener') =>
      decideAndFollow(authorizationUrl, 'approve', person),
    deny: (authorizationUrl) => decideAndFollow(authorizationUrl, 'deny'),
  };

  return {
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function sendApi(res: ServerResponse, answer: ApiResponse, api: ProviderApi): void {
  if (answer.body === undefined) {
    res.writeHead(answer.status, answer.headers ?? {});
    res.end();
    return;
  }
  sendJson(res, answer.status, answer.body, {
    'content-type': api.contentType,
    ...(answer.headers ?? {}),
  });
}

function faultMessage(status: number): string {
  switch (status) {
    case 429:
      return 'API rate limit exceeded';
    case 401:
      return 'The access token expired';
    case 503:
      return 'Service unavailable';
    default:
      return 'Server error.';
  }
}
