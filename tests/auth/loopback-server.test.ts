import { request as httpRequest } from 'node:http';
import { connect, createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startLoopbackServer,
  type LoopbackServer,
} from '../../electron/host/auth/loopback-server.js';
import { OAuthError } from '../../electron/host/auth/oauth-error.js';
import { createState } from '../../electron/host/auth/pkce.js';

const open: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function start(options: { timeoutMs?: number; port?: number } = {}) {
  const state = createState();
  const server = await startLoopbackServer({
    expectedState: state,
    providerName: 'Spotify',
    ...options,
  });
  open.push(server);
  const port = Number(new URL(server.redirectUri).port);
  const callback = (query: Record<string, string>) =>
    fetch(`${server.redirectUri}?${new URLSearchParams(query).toString()}`);
  return { server, state, port, callback };
}

function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

/** A raw keep-alive connection, to see what the server does with requests after the first. */
async function rawConnection(port: number) {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += String(chunk)));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, received: () => received, closed };
}

function getWithHost(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, headers: { Host: host } });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

describe('startLoopbackServer', () => {
  it('resolves with the code of a valid callback and shows a page without code or state', async () => {
    const { server, state, callback } = await start();
    expect(server.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const response = await callback({ code: 'the-code-value', state });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('Spotify is connected. You can close this tab.');
    expect(html).not.toContain('the-code-value');
    expect(html).not.toContain(state);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('connection')).toBe('close');
    await expect(server.result).resolves.toEqual({ code: 'the-code-value' });
  });

  it('turns away a callback whose state does not match, and keeps waiting for the real one', async () => {
    const { server, state, callback } = await start();
    const forged = await callback({ code: 'forged-code', state: createState() });
    expect(forged.status).toBe(400);
    const page = await forged.text();
    expect(page).toMatch(/does not belong to the Spotify login/);
    expect(page).not.toContain('forged-code');
    // Any web page can send the browser here; that must not abort the person's login.
    const real = await callback({ code: 'real-code', state });
    expect(real.status).toBe(200);
    await expect(server.result).resolves.toEqual({ code: 'real-code' });
  });

  it('turns away a callback without state the same way', async () => {
    const { server, state, callback } = await start();
    expect((await callback({ code: 'c' })).status).toBe(400);
    await callback({ code: 'real', state });
    await expect(server.result).resolves.toEqual({ code: 'real' });
  });

  it('rejects a callback without a code', async () => {
    const { server, state, callback } = await start();
    const response = await callback({ state });
    expect(response.status).toBe(400);
    await expect(rejection(server.result)).resolves.toMatchObject({ code: 'missing_code' });
  });

  it('reports a denial as access_denied with a message for the person', async () => {
    const { server, state, callback } = await start();
    const response = await callback({ error: 'access_denied', state });
    expect(await response.text()).toContain('You denied access to Spotify');
    const error = await rejection(server.result);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ code: 'access_denied' });
    expect((error as Error).message).toContain('tunebridge login spotify');
  });

  it('escapes an echoed error_description and reports provider_error', async () => {
    const { server, state, callback } = await start();
    const response = await callback({
      error: 'invalid_scope',
      error_description: '<script>alert("x")</script> & <img src=x onerror=alert(1)>',
      state,
    });
    const html = await response.text();
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#60;img');
    const error = await rejection(server.result);
    expect(error).toMatchObject({ code: 'provider_error' });
    expect((error as Error).message).toContain('invalid_scope');
    expect((error as Error).message).not.toContain('<script>');
  });

  it('uses only the first callback; later ones are refused and change nothing', async () => {
    const { server, state, port, callback } = await start();
    // A request already under way on a keep-alive connection when the first callback lands.
    const early = await rawConnection(port);
    early.socket.write(
      `GET /callback?code=second&state=${state} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`,
    );

    await (await callback({ code: 'first', state })).text();
    await expect(server.result).resolves.toEqual({ code: 'first' });

    early.socket.write('\r\n');
    await early.closed;
    expect(early.received()).toMatch(/^HTTP\/1\.1 410 /);
    expect(early.received()).toMatch(/connection: close/i);
    expect(early.received()).toContain('already used');
    expect(early.received()).not.toContain('second');

    // New connections find nobody listening any more.
    const late = await callback({ code: 'third', state }).then(
      (response) => response.status,
      () => 'refused',
    );
    expect([410, 'refused']).toContain(late);
    await expect(server.result).resolves.toEqual({ code: 'first' });
  });

  it('answers other paths with 404 without using up the callback', async () => {
    const { server, state, callback } = await start();
    const favicon = await fetch(new URL('/favicon.ico', server.redirectUri));
    expect(favicon.status).toBe(404);
    const post = await fetch(`${server.redirectUri}?code=x&state=${state}`, { method: 'POST' });
    expect(post.status).toBe(405);
    await callback({ code: 'after-404', state });
    await expect(server.result).resolves.toEqual({ code: 'after-404' });
  });

  it('refuses requests for another Host name (DNS rebinding) without using up the callback', async () => {
    const { server, state, port, callback } = await start();
    const path = `/callback?code=evil&state=${state}`;
    expect(await getWithHost(port, path, `rebind.example:${port}`)).toBe(400);
    expect(await getWithHost(port, path, `localhost:${port}`)).toBe(400);
    await callback({ code: 'good', state });
    await expect(server.result).resolves.toEqual({ code: 'good' });
  });

  it('listens on 127.0.0.1 only', async () => {
    const { port } = await start();
    const other = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && !address.internal && address.family === 'IPv4');
    if (other) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect(port, other.address);
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      expect(reached).toBe(false);
    }
    const ipv6 = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '::1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    expect(ipv6).toBe(false);
  });

  it('gives up after the timeout and stops listening', async () => {
    const { server, state, callback } = await start({ timeoutMs: 100 });
    const error = await rejection(server.result);
    expect(error).toMatchObject({ code: 'timeout' });
    await expect(callback({ code: 'late', state })).rejects.toThrow();
  });

  it('explains a fixed port that is already taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    try {
      const error = await rejection(
        startLoopbackServer({ port: address.port, expectedState: 's', providerName: 'TIDAL' }),
      );
      expect(error).toBeInstanceOf(OAuthError);
      expect(error).toMatchObject({ code: 'port_in_use' });
      expect((error as Error).message).toContain(String(address.port));
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('close() cancels a pending login and can be called twice', async () => {
    const { server, state, callback } = await start();
    await server.close();
    await server.close();
    await expect(rejection(server.result)).resolves.toMatchObject({ code: 'cancelled' });
    await expect(callback({ code: 'late', state })).rejects.toThrow();
  });
});
