import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUiServer, type RunningUiServer } from '../../electron/serve/ui-server/ui-server.js';
import { OPENING_TOKEN_TTL_MS, SESSION_IDLE_MS } from '../../electron/serve/ui-server/sessions.js';
import { readEvents } from '../../renderer/host-client.js';
import { launchChromium } from '../helpers/browser.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';
import { rawRequest, type RawResponse } from './serve-ui.js';

/** The opening address and the session it starts both run out; a clock the test moves shows it. */
describe('UI session lifetimes', () => {
  let testHost: TestHost;
  let server: RunningUiServer;
  let now = Date.now();

  beforeAll(async () => {
    testHost = await startTestHost();
    server = await startUiServer({
      host: testHost.host,
      uiDir: resolve('dist/ui'),
      now: () => now,
    });
  });
  afterAll(async () => {
    await server?.close();
    await testHost?.stop();
  });

  const open = (openingUrl: string) => {
    const url = new URL(openingUrl);
    return rawRequest(server.port, { path: `${url.pathname}${url.search}` });
  };
  const sessionOf = (response: RawResponse) => ({
    Cookie: ([response.headers['set-cookie'] ?? []].flat()[0] ?? '').split(';')[0] ?? '',
    'X-TuneBridge-Session': String(response.headers.location).replace('/#session=', ''),
  });
  const status = (headers: Record<string, string>) =>
    rawRequest(server.port, {
      method: 'POST',
      path: '/api',
      headers: {
        ...headers,
        Origin: `http://127.0.0.1:${server.port}`,
        'Content-Type': 'application/json',
      },
      body: '{"op":"status"}',
    });

  it('refuses an opening address left unused for 10 minutes, and says what to do', async () => {
    const openingUrl = server.newOpeningUrl();
    now += OPENING_TOKEN_TTL_MS + 1;
    const expired = await open(openingUrl);
    expect(expired.status).toBe(401);
    expect(expired.headers['set-cookie']).toBeUndefined();
    expect(expired.body).toMatch(/expired/);
    expect(expired.body).toMatch(/Restart `tunebridge serve` and open the new address it prints/);
    // Expired is spent: it does not come back.
    now -= OPENING_TOKEN_TTL_MS;
    expect((await open(openingUrl)).status).toBe(401);
  });

  it('opens once within 10 minutes; a new address replaces the old one', async () => {
    const stale = server.newOpeningUrl();
    const openingUrl = server.newOpeningUrl();
    expect((await open(stale)).status).toBe(401);
    now += OPENING_TOKEN_TTL_MS - 1000;
    const first = await open(openingUrl);
    expect(first.status).toBe(303);
    expect((await status(sessionOf(first))).status).toBe(200);
    expect((await open(openingUrl)).status).toBe(401);
  });

  it('forgets a session after 12 hours idle; use keeps it alive', async () => {
    const session = sessionOf(await open(server.newOpeningUrl()));
    now += SESSION_IDLE_MS - 1000;
    expect((await status(session)).status).toBe(200);
    now += SESSION_IDLE_MS - 1000;
    expect((await status(session)).status).toBe(200);
    // The cookie alone (a replay) does not count as use.
    now += SESSION_IDLE_MS - 1000;
    const page = await rawRequest(server.port, { path: '/', headers: { Cookie: session.Cookie } });
    expect(page.status).toBe(200);
    now += 2000;
    expect((await status(session)).status).toBe(401);
    const gone = await rawRequest(server.port, { path: '/', headers: { Cookie: session.Cookie } });
    expect(gone.status).toBe(401);
  });
});

describe('the page keeps its session secret to itself', () => {
  let testHost: TestHost;
  let server: RunningUiServer;
  let browser: Browser;

  beforeAll(async () => {
    testHost = await startTestHost();
    server = await startUiServer({ host: testHost.host, uiDir: resolve('dist/ui') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await testHost?.stop();
  });

  it('moves the secret from the address into sessionStorage and survives a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sent: string[] = [];
    page.on('request', (request) => {
      const secret = request.headers()['x-tunebridge-session'];
      if (secret) sent.push(new URL(request.url()).pathname);
    });
    await page.goto(server.openingUrl);
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    expect(page.url()).toBe(server.origin);
    const stored = await page.evaluate(() => sessionStorage.getItem('tunebridge.session'));
    expect(stored).toMatch(/^[\w-]{43}$/);
    await page.reload();
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    await expect.poll(() => sent.includes('/events')).toBe(true);
    expect(sent).toContain('/api');

    // Another tab that has only the cookie (as another port's server would) is refused.
    const other = await context.newPage();
    await other.goto(server.origin);
    await other
      .getByText(/lost its session/)
      .first()
      .waitFor();
    await context.close();
  });
});

describe('the SSE reader', () => {
  it('splits frames across chunks and joins multi-line data', async () => {
    const chunks = [
      'retry: 2000\n\n: keep',
      '-alive\n\ndata: {"a":',
      '1}\n\nda',
      'ta: x\ndata: y\r\n\r\n',
    ];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const data: string[] = [];
    await readEvents(body, (message) => data.push(message));
    expect(data).toEqual(['{"a":1}', 'x\ny']);
  });
});
