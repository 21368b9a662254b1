import type { IncomingMessage } from 'node:http';

/** Why a request was turned away before it reached any route; `undefined` when it may proceed. */
export type Refusal = { status: 403; reason: string };

/**
 * The checks that keep other web pages and other hosts' names away from the loopback UI: the
 * `Host` must name this server (a DNS-rebound name won't), a POST must come from this origin, and
 * nothing may arrive from a cross-site (or merely same-site) page.
 */
export function checkRequest(request: IncomingMessage, port: number): Refusal | undefined {
  const host = request.headers.host;
  if (!host || !allowedHosts(port).has(host.toLowerCase())) {
    return { status: 403, reason: 'This address is not TuneBridge (unexpected Host header).' };
  }
  const site = header(request, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, reason: 'Requests from other sites are refused.' };
  }
  const origin = header(request, 'origin');
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) {
    return { status: 403, reason: 'Requests from other origins are refused.' };
  }
  if (request.method === 'POST' && origin === undefined) {
    return { status: 403, reason: 'A POST must say where it comes from (Origin header).' };
  }
  return undefined;
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
