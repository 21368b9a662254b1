import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { McpServerEntry } from '../../protocol/broker.js';
import { launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/cli-process.js';
import { withMcpClient } from '../helpers/mcp-client.js';
import { serveUi, type ServedUi } from './serve-ui.js';

/**
 * Assistants a person can tell apart: connecting Claude Desktop again keeps the same assistant
 * and what it was allowed (a new key), an assistant left unnamed takes its MCP client's name, and
 * two of the same get " (2)", so `tunebridge allow "<name>"` is never ambiguous.
 */
describe('assistant names and connecting again', () => {
  let fixtureHome: string;
  let configFile: string;
  let ui: ServedUi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fixtureHome = await mkdtemp(join(tmpdir(), 'tb-ui-names-'));
    const claudeDir = join(fixtureHome, '.config', 'Claude');
    await mkdir(claudeDir, { recursive: true });
    configFile = join(claudeDir, 'claude_desktop_config.json');
    await writeFile(configFile, JSON.stringify({ mcpServers: {} }));
    ui = await serveUi([], undefined, {
      HOME: fixtureHome,
      XDG_CONFIG_HOME: join(fixtureHome, '.config'),
    });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    await page.goto(ui.openingUrl);
    await page.waitForURL(`${ui.origin}/`);
    await page.goto(`${ui.origin}/#assistants`);
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    if (fixtureHome) await rm(fixtureHome, { recursive: true, force: true });
  });

  const keyInFile = async () =>
    (
      JSON.parse(await readFile(configFile, 'utf8')) as {
        mcpServers: Record<string, McpServerEntry>;
      }
    ).mcpServers.tunebridge?.env.TUNEBRIDGE_CLIENT_KEY;
  const cards = () => page.locator('article[data-assistant]');
  const cardNames = () => cards().locator('h3').allTextContents();

  it('keeps Claude Desktop’s permissions when it is connected again, and says so', async () => {
    const row = page.locator('li[data-mcp-client="claude-desktop"]');
    await row.getByRole('button', { name: 'Connect Claude Desktop', exact: true }).click();
    await page.locator('.connected-result').waitFor();
    const firstKey = await keyInFile();
    const card = cards().filter({ hasText: 'Claude Desktop' });
    await card.waitFor();
    const playback = card.getByRole('switch', { name: 'Control playback' });
    await playback.click();
    await card
      .locator('[role="switch"][aria-checked="true"]', { hasText: 'Control playback' })
      .waitFor();
    const clientId = await card.getAttribute('data-assistant');

    await page.getByRole('button', { name: 'Hide' }).click();
    await row.getByRole('button', { name: 'Connect again Claude Desktop' }).click();
    const result = page.locator('.connected-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(
      'Claude Desktop keeps its permissions: it has a new key, and is the same assistant as before.',
    );
    expect(await keyInFile()).not.toBe(firstKey);
    expect(await cardNames()).toEqual(['Claude Desktop']);
    expect(await cards().first().getAttribute('data-assistant')).toBe(clientId);
    expect(
      await cards()
        .first()
        .getByRole('switch', { name: 'Control playback' })
        .getAttribute('aria-checked'),
    ).toBe('true');
  });

  it('starts the free-form box empty and names the assistant after its MCP client', async () => {
    const name = page.getByLabel('Assistant name');
    expect(await name.inputValue()).toBe('');
    const entries: McpServerEntry[] = [];
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: 'Connect an assistant' }).click();
      const text = await page.locator('pre.entry').textContent();
      entries.push(McpServerEntry.parse(JSON.parse(text ?? '{}').mcpServers.tunebridge));
      await page.getByRole('button', { name: 'Done — hide the key' }).click();
    }
    // Cursor calls itself "cursor-vscode" in initialize.
    for (const entry of entries) {
      await withMcpClient(entry, { name: 'cursor-vscode' }, async (mcp) => {
        await mcp.callTool('spotify_search', { query: 'a', type: ['track'], limit: 1 });
      });
    }
    await cards().filter({ hasText: 'Cursor (2)' }).waitFor();
    expect((await cardNames()).sort()).toEqual(['Claude Desktop', 'Cursor', 'Cursor (2)']);
  });

  it('gives `connect print` and a typed name a unique name too, so commands are never ambiguous', async () => {
    const printed = await runCli(['connect', 'print', '--name', 'Cursor'], ui.env);
    expect(printed.code).toBe(0);
    await cards().filter({ hasText: 'Cursor (3)' }).waitFor();
    const allowed = await runCli(['allow', 'Cursor (3)', 'playback'], ui.env);
    expect(allowed.code).toBe(0);
    const allowedClaude = await runCli(['allow', 'Claude Desktop', 'library-write'], ui.env);
    expect(allowedClaude.code).toBe(0);
  });
});
