import { createConnection } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPaths } from '../../protocol/data-folder.js';
import { BROKER_PROTOCOL_VERSION } from '../../protocol/broker.js';
import { launchChromium } from '../helpers/browser.js';
import { serveUi, type ServedUi } from './serve-ui.js';

/** One hello with a key TuneBridge never issued, over a raw socket, as a stranger would try. */
function failedHello(socketPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (answer.includes('\n')) socket.end();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(
      `${JSON.stringify({
        type: 'hello',
        id: 1,
        protocol: BROKER_PROTOCOL_VERSION,
        assistantKey: 'not-a-key-tunebridge-issued',
        mcpClient: { name: 'stranger', version: '0' },
      })}\n`,
    );
  });
}

/** An alert reaches every open window as a banner that stays until dismissed. */
describe('alerts in the window', () => {
  let ui: ServedUi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ui = await serveUi();
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(ui.openingUrl);
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
  });

  it('shows a banner after more than five failed sign-ins, and Dismiss removes it', async () => {
    const socket = hostPaths(ui.home).brokerSocket;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      expect(await failedHello(socket)).toContain('unauthorized');
    }
    const banner = page.locator('[role="alert"] .alert-banner[data-reason="failed-auth"]');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toMatch(/Repeated failed sign-ins/);

    // Still there after a reload: the host keeps it until it is dismissed.
    await page.reload();
    await banner.waitFor();
    await banner.getByRole('button', { name: /Dismiss/ }).click();
    await banner.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    expect(await page.locator('.alert-banner').count()).toBe(0);
  });
});
