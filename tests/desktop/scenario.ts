import { existsSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { BROKER_PROTOCOL_VERSION, McpServerEntry } from '../../protocol/broker.js';
import { hostPaths } from '../../protocol/data-folder.js';
import { withMcpClient } from '../helpers/mcp-client.js';
import type { DesktopDriver, TrayView } from './drivers/driver.js';

/**
 * The desktop scenario, one step per function, run in order by both drivers (the real Electron
 * and the stand-in). Each step checks what a person would see: the window, the tray, the files
 * the app writes, and an MCP client talking to the bridge the app configured.
 */
export interface ScenarioContext {
  driver: DesktopDriver;
  home: string;
  dataDir: string;
  /** The person's default browser, where consent pages open. */
  browser: Browser;
  entry?: McpServerEntry;
}

export const CLAUDE_CONFIG = (home: string) =>
  join(home, '.config', 'Claude', 'claude_desktop_config.json');

/** Waits until `read` gives a value `accept` takes; the test's own timeout bounds it. */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
): Promise<T> {
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const trayState = (context: ScenarioContext, state: string) =>
  eventually(
    () => context.driver.tray(),
    (tray: TrayView) => tray.state === state,
  );

const hasItem = (tray: TrayView, pattern: RegExp) =>
  tray.items.some((item) => pattern.test(item.label));

export async function opensOnAccounts(context: ScenarioContext): Promise<Page> {
  const page = await context.driver.window();
  expect(await context.driver.windowUrl()).toBe('app://tunebridge/index.html');
  await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
  await page.locator('.badge.sandbox').waitFor();
  const tray = await trayState(context, 'needs-login');
  expect(hasItem(tray, /^TuneBridge \(sandbox\)/)).toBe(true);
  return page;
}

export async function connectsSpotify(context: ScenarioContext, page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Connect Spotify' }).click();
  const [consentUrl] = await eventually(
    () => context.driver.openedExternally(),
    (urls) => urls.length > 0,
  );
  expect(consentUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  const consent = await context.browser.newPage();
  await consent.goto(consentUrl ?? '');
  await consent.getByRole('button', { name: 'Approve' }).click();
  await consent.waitForURL(/127\.0\.0\.1:\d+\/callback/);
  await consent.close();
  await page.locator('article[data-provider="spotify"]', { hasText: 'Sandbox Listener' }).waitFor();
  const tray = await trayState(context, 'all-good');
  expect(hasItem(tray, /^Spotify: Sandbox Listener$/)).toBe(true);
}

export async function connectsClaudeDesktop(context: ScenarioContext, page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Assistants' }).click();
  await page.getByRole('button', { name: 'Connect Claude Desktop' }).click();
  const file = CLAUDE_CONFIG(context.home);
  const config = await eventually(
    async () => (existsSync(file) ? readFileSync(file, 'utf8') : ''),
    (text) => text.includes('tunebridge'),
  );
  const entry = McpServerEntry.parse(
    (JSON.parse(config) as { mcpServers: Record<string, unknown> }).mcpServers.tunebridge,
  );
  // Windows runs the Node bridge (the GUI executable has no usable stdin); elsewhere the app's own.
  if (process.platform === 'win32') expect(entry.args?.[0]).toMatch(/bridge\.cjs$/);
  else expect(entry.args).toContain('--mcp-bridge');
  expect(entry.env.TUNEBRIDGE_HOME).toBe(context.dataDir);
  context.entry = entry;
  await eventually(
    () => context.driver.tray(),
    (tray) => hasItem(tray, /^Claude Desktop: not used yet$/),
  );
}

/** `--mcp-bridge`: the app's own executable answers tools/list and calls through the host. */
export async function assistantCallShowsInActivity(context: ScenarioContext, page: Page) {
  const entry = context.entry;
  if (!entry) throw new Error('Claude Desktop is not connected yet');
  await withMcpClient(entry, { name: 'Claude Desktop' }, async (mcp) => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('spotify_search');
    const result = await mcp.callTool('spotify_search', { query: 'a', type: ['track'], limit: 1 });
    expect(result.isError).toBe(false);
  });
  await page.getByRole('link', { name: 'Activity' }).click();
  await page.locator('li.record', { hasText: 'spotify_search' }).first().waitFor();
  await eventually(
    () => context.driver.tray(),
    (tray) => hasItem(tray, /^Claude Desktop: active just now$/),
  );
}

export async function trayPausesEveryone(context: ScenarioContext, page: Page): Promise<void> {
  expect(await context.driver.chooseTray('Pause all assistants')).toBe(true);
  const paused = await trayState(context, 'paused');
  expect(hasItem(paused, /^Claude Desktop: paused$/)).toBe(true);
  await page.getByRole('link', { name: 'Assistants' }).click();
  await page
    .locator('article[data-assistant] .badge', { hasText: /^Paused$/ })
    .first()
    .waitFor();
  expect(await context.driver.chooseTray('Resume all assistants')).toBe(true);
  await trayState(context, 'all-good');
}

/** Repeated failed sign-ins raise an alert: the tray turns to "needs attention" until seen. */
export async function trayNeedsAttention(context: ScenarioContext): Promise<void> {
  const socket = hostPaths(context.dataDir).brokerSocket;
  for (let attempt = 0; attempt < 6; attempt += 1) await failedHello(socket);
  const alert = await trayState(context, 'alert');
  expect(hasItem(alert, /^⚠ .*failed authentications/)).toBe(true);
  expect(await context.driver.chooseTray('Open TuneBridge')).toBe(true);
  await trayState(context, 'all-good');
}

export async function closingLeavesTheTray(context: ScenarioContext): Promise<void> {
  await context.driver.closeWindow();
  await eventually(
    () => context.driver.windowCount(),
    (count) => count === 0,
  );
  expect(context.driver.running()).toBe(true);
  expect((await context.driver.tray()).items.length).toBeGreaterThan(0);
  expect(await context.driver.chooseTray('Open TuneBridge')).toBe(true);
  const page = await context.driver.window();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

export async function quitStopsTheHost(context: ScenarioContext): Promise<void> {
  const socket = hostPaths(context.dataDir).brokerSocket;
  expect(existsSync(socket)).toBe(true);
  expect(await context.driver.chooseTray('Quit TuneBridge')).toBe(true);
  expect(await context.driver.exited()).toBe(0);
  expect(existsSync(socket)).toBe(false);
}

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
