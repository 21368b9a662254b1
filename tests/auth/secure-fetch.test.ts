import { afterEach, describe, expect, it } from 'vitest';
import {
  assertSecureUrl,
  createSecureFetch,
  FetchTimeoutError,
  InsecureUrlError,
  secureFetch,
} from '../../electron/host/http/secure-fetch.js';
import { startLocalServer, type LocalServer } from './helpers/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('secureFetch', () => {
  it('refuses plain http to anything but loopback, and non-http schemes', async () => {
    for (const url of [
      'http://example.com/token',
      'http://10.0.0.1/token',
      'file:///etc/passwd',
      'ftp://example.com/x',
      'not a url',
    ]) {
      const error = await secureFetch(url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InsecureUrlError);
      expect(error).toMatchObject({ code: 'insecure_url' });
    }
  });

  it('names only the origin when refusing, never the query', async () => {
    const error = await secureFetch('http://example.com/cb?code=secret-code-123').catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toContain('http://example.com');
    expect((error as Error).message).not.toContain('secret-code-123');
  });

  it('accepts https and http to loopback literals', () => {
    expect(() => assertSecureUrl('https://accounts.spotify.com/api/token')).not.toThrow();
    expect(() => assertSecureUrl('http://127.0.0.1:8080/token')).not.toThrow();
    expect(() => assertSecureUrl('http://[::1]:8080/token')).not.toThrow();
    expect(() => assertSecureUrl('http://localhost:8080/token')).not.toThrow();
    expect(() => assertSecureUrl('http://127.0.0.1.example.com/token')).toThrow(InsecureUrlError);
  });

  it('talks to a loopback server over http', async () => {
    server = await startLocalServer((_request, response) => response.end('hello'));
    const response = await secureFetch(`${server.url}/ping`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello');
  });

  it('gives up with a typed timeout when the server never answers', async () => {
    server = await startLocalServer(() => undefined);
    const started = Date.now();
    const error = await createSecureFetch({ timeoutMs: 200 })(`${server.url}/hang`).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FetchTimeoutError);
    expect(error).toMatchObject({ code: 'request_timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("still honours the caller's own abort signal", async () => {
    server = await startLocalServer(() => undefined);
    const controller = new AbortController();
    const pending = createSecureFetch({ timeoutMs: 10_000 })(`${server.url}/hang`, {
      signal: controller.signal,
    }).catch((e: unknown) => e);
    controller.abort();
    const error = await pending;
    expect(error).not.toBeInstanceOf(FetchTimeoutError);
    expect((error as Error).name).toBe('AbortError');
  });

  it('does not follow redirects', async () => {
    const seen: string[] = [];
    server = await startLocalServer((request, response) => {
      seen.push(request.url ?? '');
      if (request.url === '/start') {
        response.writeHead(302, { Location: '/elsewhere' });
        response.end();
      } else {
        response.end('followed');
      }
    });
    await expect(secureFetch(`${server.url}/start`, { redirect: 'follow' })).rejects.toBeInstanceOf(
      Error,
    );
    expect(seen).toEqual(['/start']);
  });
});
