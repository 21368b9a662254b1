import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPaths } from '../../protocol/data-folder.js';
import { BrokerClient } from '../../broker-client/broker-client.js';
import { BROKER_PROTOCOL_VERSION, McpServerEntry } from '../../protocol/broker.js';
import { launchChromium } from '../helpers/browser.js';
import { withMcpClient } from '../helpers/mcp-client.js';
import { approveSpotifyLogin, serveUi, type ServedUi } from './serve-ui.js';
import { SCREENSHOTS } from '../helpers/screenshots.js';

const ASSISTANT = 'Claude Desktop';

/**
 * The window's acceptance walk, in real Chromium against `tunebridge serve --sandbox`, in a home
 * like a person's (Claude Desktop installed): connect Spotify through the consent page, connect
 * Claude Desktop and another MCP client, watch the bridge's calls arrive in Activity live, switch
 * a permission off and see the refusal name it, pause all, revoke. The README's screenshots are
 * taken on the way.
 */
describe('the window in Chromium', () => {
  let ui: ServedUi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let entry: McpServerEntry;
  let cursorEntry: McpServerEntry;
  let fixtureHome: string;
  let claudeConfig: string;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    fixtureHome = await mkdtemp(join(tmpdir(), 'tb-ui-flow-home-'));
    claudeConfig = join(fixtureHome, '.config', 'Claude', 'claude_desktop_config.json');
    await mkdir(join(fixtureHome, '.config', 'Claude'), { recursive: true });
    await writeFile(claudeConfig, JSON.stringify({ mcpServers: {} }, null, 2));
    ui = await serveUi([], undefined, {
      HOME: fixtureHome,
      XDG_CONFIG_HOME: join(fixtureHome, '.config'),
    });
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
    if (fixtureHome) await rm(fixtureHome, { recursive: true, force: true });
  });

  const waitText = (selector: string, text: string | RegExp) =>
    page.locator(selector, { hasText: text }).first().waitFor({ timeout: 10_000 });
  const brokerAs = async (assistantKey: string) => {
    const broker = await BrokerClient.connect(hostPaths(ui.home).brokerSocket);
    await broker.request({
      type: 'hello',
      protocol: BROKER_PROTOCOL_VERSION,
      assistantKey,
      // As Claude Desktop introduces itself, so the screenshots read as a person's would.
      mcpClient: { name: 'claude-ai', version: '0.14.10' },
    });
    return broker;
  };
  const assistantKey = () => entry.env.TUNEBRIDGE_CLIENT_KEY ?? '';

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

  it('connects Claude Desktop in one click, and another client by its entry, once', async () => {
    await page.getByRole('link', { name: 'Assistants' }).click();
    const claude = page.locator('li[data-mcp-client="claude-desktop"]');
    await claude.getByRole('button', { name: 'Connect Claude Desktop', exact: true }).click();
    await page.locator('.connected-result').waitFor();
    const config = JSON.parse(await readFile(claudeConfig, 'utf8')) as {
      mcpServers: { tunebridge: unknown };
    };
    entry = McpServerEntry.parse(config.mcpServers.tunebridge);
    expect(assistantKey()).not.toBe('');
    await page.getByRole('button', { name: 'Hide' }).click();
    await waitText('article[data-assistant] h3', ASSISTANT);

    // Any other MCP client: the name is left to the client (Cursor says "cursor-vscode").
    expect(await page.getByLabel('Assistant name').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Connect an assistant' }).click();
    const text = await page.locator('pre.entry').textContent();
    cursorEntry = McpServerEntry.parse(JSON.parse(text ?? '{}').mcpServers.tunebridge);
    await page.getByRole('button', { name: 'Copy entry' }).waitFor();
    await page.getByRole('button', { name: 'Done — hide the key' }).click();
    expect(await page.locator('pre.entry').count()).toBe(0);
    expect(await page.content()).not.toContain(cursorEntry.env.TUNEBRIDGE_CLIENT_KEY);
    expect(await page.content()).not.toContain(assistantKey());
  });

  it('shows the bridge’s spotify_search in Activity without a reload, its steps folded in', async () => {
    await page.getByRole('link', { name: 'Activity' }).click();
    await page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await withMcpClient(cursorEntry, { name: 'cursor-vscode' }, async (mcp) => {
      await mcp.callTool('spotify_search', { query: 'Lonely Bridges', type: ['track'], limit: 2 });
    });
    await withMcpClient(entry, { name: 'claude-ai' }, async (mcp) => {
      const result = await mcp.callTool('spotify_search', {
        query: 'a',
        type: ['track'],
        limit: 2,
      });
      expect(result.isError).toBe(false);
    });
    const row = page
      .locator('li.record[data-kind="tool.call"]', { hasText: 'spotify_search' })
      .filter({ hasText: ASSISTANT })
      .first();
    await row.waitFor({ timeout: 10_000 });
    expect(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);

    await row.getByRole('button').click();
    await row.locator('dl.record-details').first().waitFor();
    expect(await row.locator('dl.record-details').first().textContent()).toContain(ASSISTANT);
    await row.locator('ol.steps li.record', { hasText: 'GET /v1/search' }).first().waitFor();
  });

  it('names the switch that is off when an assistant asks for more', async () => {
    await page.getByRole('link', { name: 'Assistants' }).click();
    const card = page.locator('article[data-assistant]', { hasText: ASSISTANT });
    const playback = card.getByRole('switch', { name: 'Control playback' });
    expect(await playback.getAttribute('aria-checked')).toBe('false');
    await playback.click();
    await card
      .locator('[role="switch"][aria-checked="true"]', { hasText: 'Control playback' })
      .waitFor();
    // On takes effect: a playback capability is granted.
    const broker = await brokerAs(assistantKey());
    const granted = await broker.request({
      type: 'capability.request',
      provider: 'spotify',
      scopes: ['user-modify-playback-state'],
    });
    expect(granted.type).toBe('capability');
    await playback.click();
    await card
      .locator('[role="switch"][aria-checked="false"]', { hasText: 'Control playback' })
      .waitFor();
    // Off again: refused, and the refusal names the switch.
    const broker2 = await brokerAs(assistantKey());
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
    // Notices also leave by themselves: take the first one left until none is.
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    while ((await dismiss.count()) > 0)
      await dismiss
        .first()
        .click({ timeout: 2_000 })
        .catch(() => undefined);
    await page.mouse.move(600, 850);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const view of ['accounts', 'assistants', 'activity']) {
        await page.goto(`${ui.origin}/#${view}`);
        await page.locator('main h1').waitFor();
        if (view === 'activity') await page.locator('li.record').first().waitFor();
        if (view === 'assistants') {
          await waitText('article[data-assistant] h3', /^Cursor$/);
          await waitText('li[data-mcp-client="claude-desktop"] .badge', /^Connected$/);
        }
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
    await waitText('article[data-assistant] .badge', /^Paused$/);
    const broker = await brokerAs(assistantKey()).catch((error: Error) => error);
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
    await waitText('article[data-assistant] .badge', /^Active$/);
  });

  it('revokes an assistant after confirming, and its key stops working', async () => {
    await page.getByRole('button', { name: `Revoke ${ASSISTANT}` }).click();
    const dialog = page.getByRole('dialog', { name: `Revoke ${ASSISTANT}?` });
    await dialog.waitFor();
    // The safe choice has the focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await page
      .locator('article[data-assistant]', { hasText: ASSISTANT })
      .waitFor({ state: 'detached' });
    await expect(brokerAs(assistantKey())).rejects.toThrow();
  });

  it('ran without a single CSP violation', () => {
    expect(cspViolations).toEqual([]);
  });
});
