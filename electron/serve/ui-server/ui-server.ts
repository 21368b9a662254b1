import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningHost } from '../../host/host.js';
import { handleApiRoute } from './api-route.js';
import { exportAudit } from './audit-export.js';
import { EventStreams } from './event-stream.js';
import { sendText, setSecurityHeaders } from './headers.js';
import { answerClientError } from './client-error.js';
import { checkRequest } from './request-guard.js';
import { UiSessions } from './sessions.js';
import { isStaticPath, serveStatic } from './static-files.js';

export interface UiServerOptions {
  host: RunningHost;
  /** The built UI: index.html, app.js, app.css. */
  uiDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The clock for token and session expiry (tests move it). */
  now?: () => number;
}

export interface RunningUiServer {
  /** `http://127.0.0.1:PORT/` — refuses everyone until they open `openingUrl`. */
  origin: string;
  port: number;
  /** The address with the one-time token; opening it once starts a session. */
  openingUrl: string;
  /** A new one-time address (the previous one stops working). */
  newOpeningUrl(): string;
  close(): Promise<void>;
}

const NO_SESSION =
  'This TuneBridge window has no session. Open the address `tunebridge serve` printed (it works once), or restart `tunebridge serve` for a new one.';
/** Everything that reads or changes the host wants the page's secret header, not just the cookie. */
const NEEDS_SECRET = new Set(['/api', '/events', '/audit/export']);
const EXPIRED =
  'This TuneBridge address has expired: an opening address works once, within 10 minutes. Restart `tunebridge serve` and open the new address it prints.';

/**
 * The headless host's window: the React UI and the host API over loopback HTTP, for the person at
 * this machine and nobody else — 127.0.0.1 only, a one-time token (10 minutes) exchanged for an
 * HttpOnly SameSite=Strict cookie plus a secret handed to the page in the address fragment and
 * sent back as a header (cookies reach every port on 127.0.0.1; the fragment stays in this
 * origin), Host/Origin/Fetch-Metadata checks, and a CSP without inline script.
 */
export async function startUiServer(options: UiServerOptions): Promise<RunningUiServer> {
  const { host, uiDir } = options;
  const events = new EventStreams(host);
  let port = 0;
  const auth = new UiSessions(options.now);

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    setSecurityHeaders(response);
    const refusal = checkRequest(request, port);
    if (refusal) return sendText(response, refusal.status, refusal.reason);
    // Not `new URL(path, base)`: a path like `//x` would be read as another host.
    const path = request.url?.startsWith('/') ? request.url : '/';
    const url = new URL(`http://127.0.0.1:${port}${path}`);
    const method = request.method ?? 'GET';

    const token = url.searchParams.get('token');
    if (url.pathname === '/' && token !== null && method === 'GET') {
      const exchange = auth.exchange(token);
      if (exchange.ok) {
        response.setHeader('Set-Cookie', auth.cookie(exchange.session));
        // Drops the token from the address bar; the page moves the secret into its own storage.
        response.writeHead(303, { Location: `/#session=${exchange.secret}` });
        return response.end();
      }
      if (!auth.hasCookie(request)) {
        return sendText(response, 401, exchange.reason === 'expired' ? EXPIRED : NO_SESSION);
      }
      response.writeHead(303, { Location: '/' });
      return response.end();
    }
    if (!auth.hasCookie(request)) return sendText(response, 401, NO_SESSION);
    if (NEEDS_SECRET.has(url.pathname) && !auth.isAuthorized(request)) {
      return sendText(response, 401, NO_SESSION);
    }

    if (url.pathname === '/api') {
      if (method !== 'POST') return methodNotAllowed(response, 'POST');
      return handleApiRoute(host, request, response);
    }
    if (url.pathname === '/events') {
      if (method !== 'GET') return methodNotAllowed(response, 'GET');
      return events.handle(request, response);
    }
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(response, 'GET, HEAD');
    if (url.pathname === '/audit/export') return exportAudit(host.paths.auditDir, response);
    if (isStaticPath(url.pathname)) {
      return serveStatic(uiDir, url.pathname, response, method === 'HEAD');
    }
    return sendText(response, 404, 'Not found.');
  };

  const server = createServer((request, response) => {
    route(request, response).catch(() => {
      if (!response.headersSent) sendText(response, 500, 'TuneBridge could not answer that.');
      else response.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.on('clientError', answerClientError);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  auth.port = port;
  const origin = `http://127.0.0.1:${port}/`;
  const newOpeningUrl = () => `${origin}?token=${auth.issueOpeningToken()}`;

  return {
    origin,
    port,
    openingUrl: newOpeningUrl(),
    newOpeningUrl,
    async close() {
      events.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function methodNotAllowed(response: ServerResponse, allow: string): void {
  response.setHeader('Allow', allow);
  sendText(response, 405, 'Method not allowed.');
}
