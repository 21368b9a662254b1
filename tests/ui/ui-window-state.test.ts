import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { McpServerEntry } from '../../protocol/broker.js';
import { launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/cli-process.js';
import { startCuttingProxy, type CuttingProxy } from '../helpers/cutting-proxy.js';
import { withMcpClient } from '../helpers/mcp-client.js';
import { approveSpotifyLogin, serveUi, type ServedUi } from './serve-ui.js';
import { SCREENSHOTS } from '../helpers/screenshots.js';

/**
 * The window tells the person what state things are in: filled buttons stay readable on hover,
 * pause-all says why it is greyed and shows a banner while on, a host that drops away shows, and
 * Activity reads as one row per tool call, with probe answers neutral, at any width.
 */
describe('the window tells the state of things', () => {
  let ui: ServedUi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let proxy: CuttingProxy;

  beforeAll(async () => {
    ui = await serveUi();
    // Loopback through a proxy the test can cut, so the window's link to the host can drop.
    proxy = await startCuttingProxy();
    browser = await launchChromium({ proxy: { server: proxy.url, bypass: '<-loopback>' } });
    context = await browser.newContext({ viewport: { width: 1200, height: 860 } });
    page = await context.newPage();
    await page.goto(ui.openingUrl);
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    await proxy?.close();
  });

  it('keeps a primary button’s text readable on hover', async () => {
    const connect = page.getByRole('button', { name: 'Connect Spotify' });
    const before = await connect.evaluate((b) => getComputedStyle(b).color);
    await connect.hover();
    await page.waitForTimeout(0);
    const hovered = await connect.evaluate((b) => {
      const style = getComputedStyle(b);
      return { color: style.color, background: style.backgroundColor };
    });
    const surface = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--surface-2').trim(),
    );
    expect(hovered.color).toBe(before);
    expect(hovered.background).not.toBe(colorOf(surface));
    expect(luminance(hovered.background)).toBeLessThan(0.4);
    await page.mouse.move(0, 0);
  });

  it('says why “Pause all access” is greyed while no assistant is connected', async () => {
    const pause = page.getByRole('button', { name: 'Pause all access' });
    expect(await pause.getAttribute('aria-disabled')).toBe('true');
    const why = 'Nothing to pause yet: no assistant is connected. Connect one under Assistants.';
    expect(await pause.getAttribute('title')).toBe(why);
    const describedBy = await pause.getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).textContent()).toBe(why);
    // Greyed but reachable: pressing it says why rather than nothing.
    await pause.focus();
    await page.keyboard.press('Enter');
    await page.locator('.notice', { hasText: why }).waitFor();
  });

  let entry: McpServerEntry;

  it('shows a banner while every assistant is paused', async () => {
    await approveSpotifyLogin(context, page);
    await page.getByRole('link', { name: 'Assistants' }).click();
    await page.getByLabel('Assistant name').fill('Claude Desktop');
    await page.getByRole('button', { name: 'Connect an assistant' }).click();
    const text = await page.locator('pre.entry').textContent();
    entry = McpServerEntry.parse(JSON.parse(text ?? '{}').mcpServers.tunebridge);
    await page.getByRole('button', { name: 'Done — hide the key' }).click();

    const pause = page.getByRole('button', { name: 'Pause all access' });
    expect(await pause.getAttribute('aria-disabled')).toBeNull();
    expect(await page.locator('.paused-banner').count()).toBe(0);
    await pause.click();
    const banner = page.locator('.paused-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('All access is paused');
    await banner.getByRole('button', { name: 'Resume' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Pause all access' }).waitFor();
  });

  it('folds a tool call’s sign-in, grant and API call into one row that expands', async () => {
    await withMcpClient(entry, { name: 'claude-ai' }, async (mcp) => {
      const result = await mcp.callTool('spotify_search', {
        query: 'a',
        type: ['track'],
        limit: 2,
      });
      expect(result.isError).toBe(false);
    });
    await page.getByRole('link', { name: 'Activity' }).click();
    const row = page.locator(
      'ol[aria-label="Activity records"] > li.record[data-kind="tool.call"]',
    );
    await row.first().waitFor();
    // The steps are not rows of their own.
    expect(
      await page.locator('ol[aria-label="Activity records"] > li[data-kind="api.call"]').count(),
    ).toBe(0);
    expect(
      await page
        .locator('ol[aria-label="Activity records"] > li[data-kind="capability.issued"]')
        .count(),
    ).toBe(0);
    expect(await row.first().locator('.steps-count').textContent()).toMatch(/\d+ steps?/);
    await row.first().locator('.record-summary').first().click();
    const steps = row.first().locator('ol.steps > li.record');
    await steps.first().waitFor();
    const kinds = await steps.evaluateAll((items) =>
      items.map((item) => item.getAttribute('data-kind')),
    );
    expect(kinds).toContain('api.call');
    expect(kinds).toContain('capability.issued');
    await row.first().locator('ol.steps li', { hasText: 'GET /v1/search' }).waitFor();
  });

  it('tells times locally and relatively, never raw UTC, and never cuts a kind label', async () => {
    const grant = page.locator('ol.steps > li[data-kind="capability.issued"]').first();
    await grant.locator('.record-summary').click();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    expect(await grant.locator('.what').textContent()).toMatch(/Valid until/);
    expect(await page.locator('ol.records li time').first().textContent()).toMatch(/ago|now/);
    const cut = await page
      .locator('.record-summary .kind')
      .evaluateAll((spans) =>
        spans.filter((span) => span.scrollWidth > span.clientWidth + 1).map((s) => s.textContent),
      );
    expect(cut).toEqual([]);
  });

  it('shows a healthy doctor run’s expected answers as neutral, not as errors', async () => {
    const doctor = await runCli(['doctor', 'spotify'], ui.env);
    expect(doctor.code).toBe(0);
    await page.reload();
    const probes = page.locator('li.record[data-kind="api.call"]', {
      hasText: 'tunebridge doctor',
    });
    await probes.first().waitFor();
    const outcomes = await probes.locator('.record-summary .outcome').allTextContents();
    expect(outcomes).not.toContain('Error');
    expect(outcomes).toContain('Checked');
  });

  it('lays Activity out at 375 px: every row shows its kind, who, what and outcome', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${ui.origin}/#activity`);
    const first = page.locator('ol[aria-label="Activity records"] > li.record').first();
    await first.waitFor();
    for (const part of ['.kind', '.what', '.outcome', 'time']) {
      const box = await first.locator(`.record-summary > ${part}`).first().boundingBox();
      expect(box, part).not.toBeNull();
      expect(box!.width, part).toBeGreaterThan(0);
      expect(box!.x + box!.width, part).toBeLessThanOrEqual(375);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(375);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: new URL('activity-375.png', SCREENSHOTS).pathname });
    await page.setViewportSize({ width: 1200, height: 860 });
  });

  it('notices when the live stream drops and reconnects when it is back', async () => {
    await page.goto(`${ui.origin}/#assistants`);
    await page.locator('article[data-assistant]').first().waitFor();
    expect(await page.locator('.link-banner').count()).toBe(0);
    proxy.cut();
    const banner = page.locator('.link-banner');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toContain('TuneBridge is not answering');
    proxy.mend();
    await banner.waitFor({ state: 'detached', timeout: 40_000 });
    // Back live: a change made elsewhere shows without a reload.
    expect((await runCli(['pause'], ui.env)).code).toBe(0);
    await page.locator('.paused-banner').waitFor();
    expect((await runCli(['resume'], ui.env)).code).toBe(0);
    await page.locator('.paused-banner').waitFor({ state: 'detached' });
  });

  it('shows a banner when the host stops', async () => {
    await ui.cli.stop();
    const banner = page.locator('.link-banner');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toContain('TuneBridge is not answering');
  });
});

function colorOf(css: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (!match) return css;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** Relative luminance of an `rgb(…)` colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
