import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { McpServerEntry } from '../../protocol/broker.js';
import { launchChromium } from '../helpers/browser.js';
import { withMcpClient, type McpClient } from '../helpers/mcp-client.js';
import { approveSpotifyLogin, serveUi, type ServedUi } from '../ui/serve-ui.js';

/**
 * One-click connect and "ask me", in Chromium against `tunebridge serve
 * --sandbox`, with a fixture home whose Claude Desktop config the host edits: Connect writes our
 * entry, a dropped entry brings up Repair, a malformed file shows where and what to paste, and a
 * change from the connected assistant waits for Allow or Deny in the window.
 */
describe('connecting Claude Desktop from the window', () => {
  let fixtureHome: string;
  let configFile: string;
  /** How the window shows it: inside the person's home, as ~/… */
  const shown = '~/.config/Claude/claude_desktop_config.json';
  let ui: ServedUi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    fixtureHome = await mkdtemp(join(tmpdir(), 'tb-ui-home-'));
    const claudeDir = join(fixtureHome, '.config', 'Claude');
    await mkdir(claudeDir, { recursive: true });
    configFile = join(claudeDir, 'claude_desktop_config.json');
    await writeFile(
      configFile,
      JSON.stringify({ theme: 'dark', mcpServers: { other: { command: 'x' } } }),
    );
    ui = await serveUi([], undefined, {
      HOME: fixtureHome,
      XDG_CONFIG_HOME: join(fixtureHome, '.config'),
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    await page.goto(ui.openingUrl);
    await page.waitForURL(`${ui.origin}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    if (fixtureHome) await rm(fixtureHome, { recursive: true, force: true });
  });

  const readConfig = async () =>
    JSON.parse(await readFile(configFile, 'utf8')) as {
      theme?: string;
      mcpServers?: Record<string, unknown>;
    };
  const row = () => page.locator('li[data-mcp-client="claude-desktop"]');
  const card = () => page.locator('article[data-assistant]', { hasText: 'Claude Desktop' });
  let entry: McpServerEntry;

  const withAssistant = <T>(work: (mcp: McpClient) => Promise<T>): Promise<T> =>
    withMcpClient(entry, { name: 'claude-desktop-stand-in' }, work);

  it('connects Spotify first, through the sandbox’s consent page', async () => {
    await approveSpotifyLogin(context, page);
  });

  it('lists Claude Desktop as found, and Connect writes our entry beside the others', async () => {
    await page.goto(`${ui.origin}/#assistants`);
    await row().waitFor();
    expect(await row().textContent()).toContain('Not connected');
    expect(await row().textContent()).toContain(shown);
    await row().getByRole('button', { name: 'Connect Claude Desktop', exact: true }).click();
    const result = page.locator('.connected-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(shown);
    expect(await result.textContent()).toMatch(/Restart needed.*Quit Claude Desktop/);
    await row()
      .locator('.badge', { hasText: /^Connected$/ })
      .waitFor();
    await card().waitFor();

    const config = await readConfig();
    expect(config.theme).toBe('dark');
    expect(config.mcpServers?.other).toEqual({ command: 'x' });
    entry = McpServerEntry.parse(config.mcpServers?.tunebridge);
    const key = entry.env.TUNEBRIDGE_CLIENT_KEY ?? '';
    expect(key).not.toBe('');
    // The key went into the file, never into the window.
    expect(await page.content()).not.toContain(key);
  });

  it('asks before a change once “Ask before changes” is on: Allow lets it through', async () => {
    await card().getByRole('switch', { name: 'Control playback' }).click();
    await card()
      .locator('[role="switch"][aria-checked="true"]', { hasText: 'Control playback' })
      .waitFor();
    await card().getByRole('switch', { name: 'Ask before changes' }).click();
    await card()
      .locator('[role="switch"][aria-checked="true"]', { hasText: 'Ask before changes' })
      .waitFor();

    await withAssistant(async (mcp) => {
      const call = mcp.callTool('spotify_pause');
      const dialog = page.getByRole('dialog', { name: /Allow Claude Desktop to make this change/ });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('PUT /v1/me/player/pause');
      expect(await dialog.textContent()).toMatch(/Refused automatically in \d+ s/);
      // The safe answer has the focus.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Deny');
      await dialog.getByRole('button', { name: 'Allow' }).click();
      expect((await call).text).not.toMatch(/declined|approval|Ask before changes/);
      await dialog.waitFor({ state: 'detached' });
    });
  });

  it('Deny (here with Escape) refuses the change with a message that says so', async () => {
    await withAssistant(async (mcp) => {
      const call = mcp.callTool('spotify_pause');
      const dialog = page.getByRole('dialog', { name: /Allow Claude Desktop to make this change/ });
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      const result = await call;
      expect(result.isError).toBe(true);
      expect(result.text).toMatch(/declined/);
      expect(result.text).toMatch(/“Ask before changes”/);
      await dialog.waitFor({ state: 'detached' });
    });
    await withAssistant(async (mcp) => {
      const call = mcp.callTool('spotify_pause');
      const dialog = page.getByRole('dialog', { name: /Allow Claude Desktop/ });
      await dialog.getByRole('button', { name: 'Deny' }).click();
      expect((await call).isError).toBe(true);
    });
  });

  it('shows Repair when Claude Desktop drops our entry, and Repair puts it back', async () => {
    const config = await readConfig();
    delete config.mcpServers;
    await writeFile(configFile, JSON.stringify(config, null, 2));
    const banner = page.locator('.repair-banner', {
      hasText: 'Claude Desktop dropped TuneBridge from its config',
    });
    await banner.waitFor({ timeout: 10_000 });
    await banner.getByRole('button', { name: 'Repair Claude Desktop' }).click();
    await banner.waitFor({ state: 'detached', timeout: 10_000 });
    const repaired = await readConfig();
    expect(repaired.theme).toBe('dark');
    const fresh = McpServerEntry.parse(repaired.mcpServers?.tunebridge);
    expect(fresh.command).toBe(entry.command);
    // The dropped key (still in the backup beside the file) no longer works: one card is left.
    expect(fresh.env.TUNEBRIDGE_CLIENT_KEY).not.toBe(entry.env.TUNEBRIDGE_CLIENT_KEY);
    await page.waitForFunction(
      () => document.querySelectorAll('article[data-assistant]').length === 1,
    );
  });

  it('leaves a malformed config alone and shows where it is broken and what to paste', async () => {
    const broken = '{\n  "mcpServers": {\n    "other": { "command": "x" },,\n  }\n}\n';
    await writeFile(configFile, broken);
    await row().locator('.badge', { hasText: 'Needs repair' }).waitFor({ timeout: 10_000 });
    await row().getByRole('button', { name: 'Repair Claude Desktop', exact: true }).click();
    const problem = page.locator('.config-problem');
    await problem.waitFor();
    const text = (await problem.textContent()) ?? '';
    expect(text).toContain(shown);
    expect(text).toMatch(/line 3/i);
    expect(await problem.locator('pre.entry').textContent()).toContain('"tunebridge"');
    expect(await readFile(configFile, 'utf8')).toBe(broken);
  });

  it('disconnects: our entry goes, everything else stays', async () => {
    await writeFile(configFile, JSON.stringify({ theme: 'dark' }));
    // The assistant's entry is gone from the file, so the row offers Repair.
    await row().getByRole('button', { name: 'Repair Claude Desktop', exact: true }).click();
    await row()
      .locator('.badge', { hasText: /^Connected$/ })
      .waitFor();
    await row().getByRole('button', { name: 'Disconnect Claude Desktop', exact: true }).click();
    await row().locator('.badge', { hasText: 'Not connected' }).waitFor();
    await page.getByText('No assistant is connected yet.').waitFor();
    expect(await page.locator('.repair-banner').count()).toBe(0);
    const config = await readConfig();
    expect(config.theme).toBe('dark');
    expect(config.mcpServers?.tunebridge).toBeUndefined();
  });
});
