import { createHash } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import {
  oauthError,
  safeOAuthCode,
  type OAuthError,
  type OAuthErrorContext,
} from './oauth-error.js';
import { statesMatch } from './pkce.js';

export const DEFAULT_LOGIN_TIMEOUT_MS = 5 * 60_000;

export interface LoopbackServerOptions {
  /** 0 picks a free port; providers that match redirect URIs exactly need the registered one. */
  port?: number;
  path?: string;
  expectedState: string;
  timeoutMs?: number;
  /** As people see it, for the result page and error messages: "Spotify". */
  providerName: string;
}

export interface LoopbackCallback {
  code: string;
}

export interface LoopbackServer {
  /** `http://127.0.0.1:<port><path>`, exactly what the authorization request must carry. */
  redirectUri: string;
  /** Settles once, with the first callback, a timeout, or close(). */
  result: Promise<LoopbackCallback>;
  /** Stops listening and drops open connections; rejects a pending result with 'cancelled'. */
  close(): Promise<void>;
}

type Outcome = { ok: true; code: string } | { ok: false; error: OAuthError };

/**
 * Receives the browser's redirect at the end of an OAuth login (RFC 8252 loopback redirect).
 * Listens on the 127.0.0.1 literal only, so nothing on the network can reach it, and accepts
 * exactly one callback: later ones, and anything on an open keep-alive connection, get 410.
 */
export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const path = options.path ?? '/callback';
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOGIN_TIMEOUT_MS;
  const context: OAuthErrorContext = { providerName: options.providerName, timeoutMs };

  let resolveResult: (callback: LoopbackCallback) => void = () => undefined;
  let rejectResult: (error: OAuthError) => void = () => undefined;
  const result = new Promise<LoopbackCallback>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });
  // Whoever started the server may stop listening (cancel); that must not crash the host.
  result.catch(() => undefined);

  let consumed = false;
  let settled = false;
  const settle = (outcome: Outcome): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    if (outcome.ok) resolveResult({ code: outcome.code });
    else rejectResult(outcome.error);
  };

  let host = '';
  const server = createServer((request, response) => {
    // A page on another site can reach 127.0.0.1 through a rebound DNS name; its Host header
    // gives it away.
    if (request.headers.host !== host) return sendText(response, 400, 'Bad request.');
    if (consumed) return sendPage(response, 410, usedPage(options.providerName), true);
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (url.pathname !== path) return sendText(response, 404, 'Not found.');
    if (request.method !== 'GET')
      return sendText(response, 405, 'Method not allowed.', { Allow: 'GET' });

    const { outcome, status, page } = readCallback(
      url.searchParams,
      options.expectedState,
      context,
    );
    // A request without our state can come from any web page the browser has open. Answer it
    // but keep waiting: letting it end the login would let any page abort it.
    if (!outcome.ok && outcome.error.code === 'state_mismatch') {
      return sendPage(response, status, page, true);
    }
    consumed = true;
    clearTimeout(timer);
    sendPage(response, status, page, true);
    // Settle once the page is out, so a caller that closes at once does not cut it off.
    response.once('close', () => settle(outcome));
    void stopListening(false);
  });

  const port = await listen(server, options.port ?? 0, context);
  host = `127.0.0.1:${port}`;
  const timer = setTimeout(() => {
    settle({ ok: false, error: oauthError('timeout', context) });
    void stopListening(true);
  }, timeoutMs);

  let stopped: Promise<void> | undefined;
  const stopListening = (dropConnections: boolean): Promise<void> => {
    stopped ??= new Promise<void>((resolve) => server.close(() => resolve()));
    if (dropConnections) server.closeAllConnections();
    return stopped;
  };

  return {
    redirectUri: `http://${host}${path}`,
    result,
    close() {
      consumed = true;
      settle({ ok: false, error: oauthError('cancelled', context) });
      return stopListening(true);
    },
  };
}

function listen(server: Server, port: number, context: OAuthErrorContext): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(oauthError('port_in_use', { ...context, port }, { cause: error }));
      } else {
        reject(error);
      }
    };
    server.once('error', onError);
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      server.off('error', onError);
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error('The login listener has no TCP address.'));
        return;
      }
      resolve(address.port);
    });
  });
}

function readCallback(
  params: URLSearchParams,
  expectedState: string,
  context: OAuthErrorContext,
): { outcome: Outcome; status: number; page: string } {
  const name = context.providerName;
  const fail = (error: OAuthError, status: number, heading: string, text: string) => ({
    outcome: { ok: false, error } as const,
    status,
    page: renderPage(heading, `${text} You can close this tab.`),
  });

  const state = params.get('state');
  if (state === null || !statesMatch(state, expectedState)) {
    return fail(
      oauthError('state_mismatch', context),
      400,
      'This login did not match',
      `This answer does not belong to the ${name} login TuneBridge started, so it was ignored and nothing was connected. If you are logging in, finish in the tab TuneBridge opened.`,
    );
  }
  const error = params.get('error');
  if (error === 'access_denied') {
    return fail(
      oauthError('access_denied', context),
      200,
      'Access denied',
      `You denied access to ${name}, so nothing was connected.`,
    );
  }
  if (error !== null) {
    const providerCode = safeOAuthCode(error);
    const description = (params.get('error_description') ?? '').slice(0, 300);
    const reason = description || providerCode || 'an unknown error';
    return fail(
      oauthError('provider_error', { ...context, providerCode }),
      400,
      'The login failed',
      `${name} could not complete the login: ${reason}. Go back to TuneBridge and try again.`,
    );
  }
  const code = params.get('code');
  if (!code) {
    return fail(
      oauthError('missing_code', context),
      400,
      'The login failed',
      `${name} sent the browser back without a login code. Start the login again from TuneBridge.`,
    );
  }
  return {
    outcome: { ok: true, code },
    status: 200,
    page: renderPage(`${name} is connected`, `${name} is connected. You can close this tab.`),
  };
}

function usedPage(providerName: string): string {
  return renderPage(
    'This link was already used',
    `This ${providerName} login link was already used. If you still need to connect, start a new login from TuneBridge. You can close this tab.`,
  );
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;min-height:100vh;display:grid;place-items:center;background:#f5f5f3;color:#1c1c1e}main{max-width:34rem;padding:2rem}h1{font-size:1.4rem}';
// The page runs no script and loads nothing; the one inline style is allowed by its hash.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Every piece of text is escaped here, so no caller can reflect raw input into the page. */
function renderPage(heading: string, text: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>TuneBridge: ${escapeHtml(heading)}</title><style>${STYLE}</style></head>`,
    `<body><main><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(text)}</p></main></body></html>`,
  ].join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

function sendPage(response: ServerResponse, status: number, html: string, close: boolean): void {
  response.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Frame-Options': 'DENY',
    ...(close ? { Connection: 'close' } : {}),
  });
  response.end(html);
}

function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  extraHeaders: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    ...extraHeaders,
  });
  response.end(text);
}
