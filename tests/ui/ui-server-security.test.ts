import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, rawRequest, serveUi, type RawResponse, type ServedUi } from './serve-ui.js';
import { seededRandom } from '../../sandbox/seeded-random.js';

/**
 * The headless window is for the person at this machine: without the session from the one-time
 * address, from another Host (DNS rebinding) or another site, every request is turned away —
 * and nothing a client sends takes the server down.
 */
describe('headless UI server security', () => {
  let ui: ServedUi;
  let cookie: string;
  /** The page's half of the session, from the `/#session=` redirect. */
  let secret: string;
  /** The answer to the one-time address, taken once before any test so each can run alone. */
  let opening: RawResponse;
  const session = () => ({ Cookie: cookie, 'X-TuneBridge-Session': secret });
  const api = (headers: Record<string, string>, body: string) =>
    rawRequest(ui.port, { method: 'POST', path: '/api', headers, body });
  const sameOrigin = (): Record<string, string> => ({
    ...session(),
    Origin: ui.origin,
    'Content-Type': 'application/json',
  });

  beforeAll(async () => {
    ui = await serveUi();
    const url = new URL(ui.openingUrl);
    opening = await rawRequest(ui.port, { path: `${url.pathname}${url.search}` });
    secret = String(opening.headers.location).slice('/#session='.length);
    cookie = ([opening.headers['set-cookie'] ?? []].flat()[0] ?? '').split(';')[0] ?? '';
  });
  afterAll(async () => {
    await ui?.stop();
  });

  it('refuses every route without a session', async () => {
    for (const path of ['/', '/index.html', '/app.js', '/app.css', '/events', '/audit/export']) {
      const response = await rawRequest(ui.port, { path });
      expect(response.status, path).toBe(401);
    }
    const post = await rawRequest(ui.port, {
      method: 'POST',
      path: '/api',
      headers: { Origin: ui.origin, 'Content-Type': 'application/json' },
      body: '{"op":"status"}',
    });
    expect(post.status).toBe(401);
    const wrong = await rawRequest(ui.port, {
      path: `/?token=${randomBytes(32).toString('base64url')}`,
    });
    expect(wrong.status).toBe(401);
  });

  it('exchanges the one-time token for an HttpOnly SameSite=Strict cookie, once', async () => {
    const url = new URL(ui.openingUrl);
    const first = opening;
    expect(first.status).toBe(303);
    // The page's secret rides in the fragment, which browsers never send to any server.
    const location = String(first.headers.location);
    expect(location).toMatch(/^\/#session=[\w-]{43}$/);
    const setCookie = [first.headers['set-cookie'] ?? []].flat()[0] ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);

    const again = await rawRequest(ui.port, { path: `${url.pathname}${url.search}` });
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();

    const page = await rawRequest(ui.port, { path: '/', headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.body).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('refuses the cookie alone: another local server that received it cannot replay it', async () => {
    // Cookies ignore ports, so a listener on another 127.0.0.1 port gets this one; it can forge
    // Origin with curl, but it never sees the secret from the page's fragment.
    const forged = { Cookie: cookie, Origin: ui.origin, 'Content-Type': 'application/json' };
    const issue = JSON.stringify({ op: 'assistant.issue', name: 'curl' });
    const wrongSecrets = ['', randomBytes(32).toString('base64url'), cookie.split('=')[1] ?? ''];
    for (const headers of [
      forged,
      ...wrongSecrets.map((wrong) => ({ ...forged, 'X-TuneBridge-Session': wrong })),
    ]) {
      const call = await api(headers, issue);
      expect(call.status).toBe(401);
      expect(call.body).toMatch(/no session/);
      for (const path of ['/events', '/audit/export']) {
        const response = await rawRequest(ui.port, { path, headers });
        expect(response.status, path).toBe(401);
      }
    }
    // The secret without the cookie is no better.
    const noCookie = await api(
      { Origin: ui.origin, 'Content-Type': 'application/json', 'X-TuneBridge-Session': secret },
      '{"op":"status"}',
    );
    expect(noCookie.status).toBe(401);
    // The page and its script hold nothing secret and still load with the cookie alone.
    expect(
      (await rawRequest(ui.port, { path: '/app.js', headers: { Cookie: cookie } })).status,
    ).toBe(200);
    const status = await api(sameOrigin(), '{"op":"status"}');
    expect(status.status).toBe(200);
    expect(JSON.parse(status.body).status.assistants).toEqual([]);
  });

  it('never sends the session secret back', async () => {
    const responses = [
      await api(sameOrigin(), '{"op":"status"}'),
      await api(sameOrigin(), '{"op":"vault.dump"}'),
      await api({ ...sameOrigin(), 'X-TuneBridge-Session': 'x' }, '{"op":"status"}'),
      await rawRequest(ui.port, { path: '/events', headers: session() }),
      await rawRequest(ui.port, { path: '/audit/export', headers: session() }),
      await rawRequest(ui.port, { path: '/', headers: session() }),
      await rawRequest(ui.port, { path: '/nowhere', headers: session() }),
      await rawRequest(ui.port, { method: 'PUT', path: '/api', headers: sameOrigin() }),
    ];
    for (const response of responses) {
      expect(JSON.stringify(response.headers)).not.toContain(secret);
      expect(JSON.stringify(response.headers)).not.toMatch(/x-tunebridge-session/i);
      expect(response.body).not.toContain(secret);
    }
  });

  it('refuses a foreign Host even with the session (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${ui.port}`, '127.0.0.1', `127.0.0.1:1`]) {
      const response = await rawRequest(ui.port, {
        path: '/',
        headers: { Host: host, Cookie: cookie },
      });
      expect(response.status, host).toBe(403);
    }
    const localhost = await rawRequest(ui.port, {
      path: '/',
      headers: { Host: `localhost:${ui.port}`, Cookie: cookie },
    });
    expect(localhost.status).toBe(200);
  });

  it('refuses a POST from a foreign Origin, without an Origin, or cross-site', async () => {
    const body = '{"op":"pause.all","paused":true}';
    const foreign = await api({ ...sameOrigin(), Origin: 'http://evil.example' }, body);
    expect(foreign.status).toBe(403);
    const otherPort = await api({ ...sameOrigin(), Origin: 'http://127.0.0.1:1' }, body);
    expect(otherPort.status).toBe(403);
    const noOrigin: Record<string, string> = sameOrigin();
    delete noOrigin.Origin;
    expect((await api(noOrigin, body)).status).toBe(403);
    const crossSite = await api({ ...sameOrigin(), 'Sec-Fetch-Site': 'cross-site' }, body);
    expect(crossSite.status).toBe(403);
    // None of them paused anything.
    const status = await api(sameOrigin(), '{"op":"status"}');
    expect(status.status).toBe(200);
    expect(JSON.parse(status.body).status.assistants).toEqual([]);
  });

  it('serves host events over SSE only to the session', async () => {
    expect((await rawRequest(ui.port, { path: '/events' })).status).toBe(401);
    const crossSite = await rawRequest(ui.port, {
      path: '/events',
      headers: { ...session(), 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const stream = await rawRequest(ui.port, { path: '/events', headers: session() });
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
  });

  it('answers bad requests with a HostApiError and 4xx, never a crash', async () => {
    const badJson = await api(sameOrigin(), '{"op":');
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ code: 'bad_request' });
    const unknownOp = await api(sameOrigin(), '{"op":"vault.dump"}');
    expect(unknownOp.status).toBe(400);
    const oversize = await api(
      sameOrigin(),
      JSON.stringify({ op: 'assistant.issue', name: 'x'.repeat(200_000) }),
    );
    expect(oversize.status).toBe(400);
    expect(JSON.parse(oversize.body)).toMatchObject({ code: 'too_large' });
    const notJson = await api({ ...sameOrigin(), 'Content-Type': 'text/plain' }, '{"op":"status"}');
    expect(notJson.status).toBe(415);
    const hostError = await api(sameOrigin(), '{"op":"assistant.revoke","assistantId":"nobody"}');
    expect(hostError.status).toBe(404);
    expect(JSON.parse(hostError.body)).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/assistant/),
    });
  });

  it('survives 2,000 random requests', { timeout: 120_000 }, async () => {
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH'];
    const paths = [
      '/',
      '/api',
      '/events',
      '/audit/export',
      '/app.js',
      '/../../etc/passwd',
      '//api',
      '/%00',
      `/${'a'.repeat(4000)}`,
      '/?token=',
      '/?token=%ff',
    ];
    const seed = Number(process.env.TUNEBRIDGE_TEST_SEED ?? 20261130);
    const random = seededRandom(seed);
    const junk = () =>
      Buffer.from(Array.from({ length: Math.floor(random() * 2048) }, () => random() * 256));
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)] as T;
    const request = () => {
      const headers: Record<string, string> = {};
      if (random() < 0.6) headers.Cookie = random() < 0.5 ? cookie : `x=${junk().toString('hex')}`;
      if (random() < 0.5)
        headers['X-TuneBridge-Session'] = random() < 0.5 ? secret : junk().toString('hex');
      if (random() < 0.5) headers.Origin = pick([ui.origin, 'null', 'http://evil.example']);
      if (random() < 0.5)
        headers['Content-Type'] = pick(['application/json', 'text/plain', 'multipart/form-data']);
      const method = pick(methods);
      const body =
        method === 'GET' || method === 'HEAD'
          ? undefined
          : random() < 0.5
            ? junk()
            : JSON.stringify({
                op: pick(['status', 'audit.query', 'login.start', 'x']),
                query: { limit: pick([0, -1, 1e9, 'x']) },
              });
      return rawRequest(ui.port, { method, path: pick(paths), headers, body }).then(
        (response) => response.status,
        () => 0,
      );
    };
    // 2,000 requests, 100 in flight at a time.
    const statuses: number[] = [];
    for (let batch = 0; batch < 20; batch += 1) {
      statuses.push(...(await Promise.all(Array.from({ length: 100 }, request))));
    }
    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);
    const alive = await api(sameOrigin(), '{"op":"status"}');
    expect(alive.status, `seed ${seed}: ${alive.body}`).toBe(200);
    expect(ui.cli.child.exitCode).toBeNull();
  });

  it('answers a request Node cannot parse with the right status, not a bare 400', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = createConnection(ui.port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => (text += String(chunk)));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.write(
        `GET / HTTP/1.1\r\nHost: 127.0.0.1:${ui.port}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
  });

  it('exports the audit log as JSON Lines to the session only', async () => {
    expect((await rawRequest(ui.port, { path: '/audit/export' })).status).toBe(401);
    const response = await rawRequest(ui.port, { path: '/audit/export', headers: session() });
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="tunebridge-activity-.*\.jsonl"/,
    );
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ kind: 'host.start' });
    expect(lines.some((line) => line.kind === 'assistant.policy')).toBe(false);
  });

  it('a second opening needs a new address: openSession on a spent token fails', async () => {
    await expect(openSession(ui)).rejects.toThrow(/401/);
  });
});
