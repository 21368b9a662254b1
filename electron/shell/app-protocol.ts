import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, contentTypeFor, resolveAppAsset } from './app-origin.js';
import { SECURITY_HEADERS } from './csp.js';

/** Must run before `app` is ready: app:// is a standard, secure origin (like https). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false },
    },
  ]);
}

/**
 * Serves the bundled UI (dist/ui) on app://tunebridge/, read-only, GET only, with our CSP and
 * security headers on every response. Nothing outside dist/ui can be reached.
 */
export function serveAppScheme(uiDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? resolveAppAsset(request.url, uiDir) : undefined;
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    // Electron's fs reads inside app.asar too.
    const body = await readFile(file).catch(() => undefined);
    if (!body) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) },
    });
  });
}
