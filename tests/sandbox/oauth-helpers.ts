import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PersonKey, ProviderSandbox } from '../../sandbox/index.js';

/** What the app does around the sandbox's OAuth endpoints, written out for the tests. */

export interface CallbackListener {
  redirectUri: string;
  /** Every URL the listener was sent to, in order. */
  hits: URL[];
  close(): Promise<void>;
}

/** The app's one-shot loopback listener, reduced to recording what arrives. */
export async function startCallbackListener(port = 0): Promise<CallbackListener> {
  const hits: URL[] = [];
  const server = createServer((req, res) => {
    hits.push(new URL(req.url ?? '/', 'http://127.0.0.1'));
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('You can close this window.');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${bound}/callback`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizationUrl(
  sandbox: ProviderSandbox,
  init: { redirectUri: string; challenge: string; scope?: string; state?: string },
): string {
  const params = new URLSearchParams({
    client_id: sandbox.clientId,
    response_type: 'code',
    redirect_uri: init.redirectUri,
    code_challenge: init.challenge,
    code_challenge_method: 'S256',
    state: init.state ?? 'state-123',
    scope: init.scope ?? '',
  });
  return `${sandbox.authorizeUrl}?${params.toString()}`;
}

export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

export async function postToken(
  sandbox: ProviderSandbox,
  form: Record<string, string>,
): Promise<TokenAnswer> {
  const response = await fetch(sandbox.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A full approval and code exchange; resolves with the token response body. */
export async function signIn(
  sandbox: ProviderSandbox,
  listener: CallbackListener,
  options: { scope?: string; person?: PersonKey } = {},
): Promise<{ access_token: string; refresh_token: string; scope: string }> {
  const { verifier, challenge } = pkcePair();
  const url = authorizationUrl(sandbox, {
    redirectUri: listener.redirectUri,
    challenge,
    scope: options.scope,
  });
  const followed = new URL(await sandbox.approve(url, options.person));
  const code = followed.searchParams.get('code') ?? '';
  const answer = await postToken(sandbox, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: listener.redirectUri,
    code_verifier: verifier,
    client_id: sandbox.clientId,
  });
  if (answer.status !== 200)
    throw new Error(`Token exchange failed: ${JSON.stringify(answer.body)}`);
  return answer.body as { access_token: string; refresh_token: string; scope: string };
}

export async function getJson(
  url: string,
  token: string | undefined,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as unknown) : undefined,
    headers: response.headers,
  };
}
