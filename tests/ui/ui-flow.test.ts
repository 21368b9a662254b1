import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPaths } from '../../protocol/data-folder.js';
import { BrokerClient } from '../../broker-client/broker-client.js';
import { BROKER_PROTOCOL_VERSION, McpServerEntry } from '../../protocol/broker.js';
import { launchChromium } from '../helpers/browser.js';
import { withMcpClient } from '../helpers/mcp-client.js';
import { approveSpotifyLogin, serveUi, type ServedUi } from './serve-ui.js';

const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url);
const ASSISTANT = 'UI test assistant';

/**
 * Issue 5's acceptance walk, in real Chromium against `tunebridge serve --sandbox`: connect
 * Spotify through the consent page, connect an assistant, watch its bridge's calls arrive in
 * Activity live, switch a permission off and see the refusal name it, pause all, revoke.
 */
describe('the window in Chromium', () => {
  let ui: ServedUi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let entry: McpServerEntry;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    ui = await serveUi();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1200, height: 860 } });
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(ui.openingUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
  });

  const waitText = (selector: string, text: string | RegExp) =>
    page.locator(selector, { hasText: text }).first().waitFor({ timeout: 10_000 });
  const brokerAs = async (clientKey: string) => {
    const broker = await BrokerClient.connect(hostPaths(ui.home).brokerSocket);
    await broker.request({
      type: 'hello',
      protocol: BROKER_PROTOCOL_VERSION,
      clientKey,
      client: { name: 'ui-test', version: '1' },
    });
    return broker;
  };
  const clientKey = () => entry.env.TUNEBRIDGE_CLIENT_KEY ?? '';

  it('opens from the one-time address and drops the token from it', async () => {
    await page.waitForURL(`${ui.origin}/`);
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    await page.locator('.badge.sandbox').waitFor();
    expect(page.url()).not.toContain('token');
  });

  it('connects Spotify in one click: the consent page opens in a new page', async () => {
    await approveSpotifyLogin(context, page);
    await waitText('article[data-provider="spotify"] .badge', /^Connected$/);
    await waitText('article[data-provider="spotify"]', 'Sandbox Listener');
    await waitText('.notice.success', /Spotify connected as/);
  });

  it('connects an assistant and shows its entry, with a copy button, once', async () => {
    await page.getByRole('link', { name: 'Assistants' }).click();
    await page.getByLabel('Assistant name').fill(ASSISTANT);
    await page.getByRole('button', { name: 'Connect an assistant' }).click();
    const text = await page.locator('pre.entry').textContent();
    entry = McpServerEntry.parse(JSON.parse(text ?? '{}').mcpServers.tunebridge);
    expect(clientKey()).not.toBe('');
    await page.getByRole('button', { name: 'Copy entry' }).waitFor();
    await waitText('article[data-client] h3', ASSISTANT);
    await page.getByRole('button', { name: 'Done — hide the key' }).click();
    expect(await page.locator('pre.entry').count()).toBe(0);
    expect(await page.content()).not.toContain(clientKey());
  });

  it('shows the bridge’s spotify_search in Activity without a reload', async () => {
    await page.getByRole('link', { name: 'Activity' }).click();
    await page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await withMcpClient(entry, { name: 'ui-e2e' }, async (mcp) => {
      const result = await mcp.callTool('spotify_search', {
        query: 'a',
        type: ['track'],
        limit: 2,
      });
      expect(result.isError).toBe(false);
    });
    await waitText('li.record', 'spotify_search');
    await waitText('li.record', 'GET /v1/search');
    expect(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);

    const row = page.locator('li.record', { hasText: 'spotify_search' }).first();
    await row.getByRole('button').click();
    await row.locator('dl.record-details').waitFor();
    expect(await row.locator('dl.record-details').textContent()).toContain(ASSISTANT);
  });

  it('names the switch that is off when an assistant asks for more', async () => {
    await page.getByRole('link', { name: 'Assistants' }).click();
    const playback = page.getByRole('switch', { name: 'Control playback' });
    expect(await playback.getAttribute('aria-checked')).toBe('false');
    await playback.click();
    await page
      .locator('[role="switch"][aria-checked="true"]', { hasText: 'Control playback' })
      .waitFor();
    // On takes effect: a playback capability is granted.
    const broker = await brokerAs(clientKey());
    const granted = await broker.request({
      type: 'capability.request',
      provider: 'spotify',
      scopes: ['user-modify-playback-state'],
    });
    expect(granted.type).toBe('capability');
    await playback.click();
    await page
      .locator('[role="switch"][aria-checked="false"]', { hasText: 'Control playback' })
      .waitFor();
    // Off again: refused, and the refusal names the switch.
    const broker2 = await brokerAs(clientKey());
    await expect(
      broker2.request({
        type: 'capability.request',
        provider: 'spotify',
        scopes: ['user-modify-playback-state'],
      }),
    ).rejects.toThrow(/“Control playback”/);
    broker.close();
    broker2.close();

    await page.getByRole('link', { name: 'Activity' }).click();
    await waitText('li.record', /Access refused.*Control playback/);
    await page.getByLabel('Outcome').selectOption('refused');
    // The filtered page replaces the old one: only refusals remain.
    await page.waitForFunction(
      () =>
        document.querySelectorAll('li.record').length > 0 &&
        document.querySelectorAll('li.record:not(.refused)').length === 0,
    );
    await waitText('li.record', 'Control playback');
    await page.getByLabel('Outcome').selectOption('');
    await waitText('li.record.ok', 'spotify_search');
  });

  it('takes screenshots of each view, light and dark', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) {
      await dismiss.click();
    }
    await page.mouse.move(600, 850);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const view of ['accounts', 'assistants', 'activity']) {
        await page.goto(`${ui.origin}/#${view}`);
        await page.locator('main h1').waitFor();
        if (view === 'activity') await page.locator('li.record').first().waitFor();
        if (view === 'assistants') await page.locator('article[data-client]').waitFor();
        if (view === 'accounts')
          await waitText('article[data-provider="spotify"] .badge', /^Connected$/);
        await page.screenshot({
          path: new URL(`${view}-${colorScheme}.png`, SCREENSHOTS).pathname,
        });
      }
    }
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(246, 247, 249)');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('pauses and resumes all access from one button', async () => {
    await page.goto(`${ui.origin}/#assistants`);
    await page.getByRole('button', { name: 'Pause all access' }).click();
    await page.getByRole('button', { name: 'Resume all access' }).waitFor();
    await waitText('article[data-client] .badge', /^Paused$/);
    const broker = await brokerAs(clientKey()).catch((error: Error) => error);
    if (broker instanceof BrokerClient) {
      await expect(
        broker.request({
          type: 'capability.request',
          provider: 'spotify',
          scopes: ['user-read-private'],
        }),
      ).rejects.toThrow(/paused/i);
      broker.close();
    } else {
      expect(broker.message).toMatch(/paused/i);
    }
    await page.getByRole('button', { name: 'Resume all access' }).click();
    await waitText('article[data-client] .badge', /^Active$/);
  });

  it('revokes an assistant after confirming, and its key stops working', async () => {
    await page.getByRole('button', { name: `Revoke ${ASSISTANT}` }).click();
    const dialog = page.getByRole('dialog', { name: `Revoke ${ASSISTANT}?` });
    await dialog.waitFor();
    // The safe choice has the focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('No assistant is connected yet.').waitFor();
    await expect(brokerAs(clientKey())).rejects.toThrow();
  });

  it('ran without a single CSP violation', () => {
    expect(cspViolations).toEqual([]);
  });
});
