import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../protocol/audit.js';
import { hostPaths } from '../../protocol/data-folder.js';
import { AuditLog } from '../../electron/host/audit/audit-log.js';
import { refusalReason } from '../../electron/host/security/classify-record.js';
import { launchChromium } from '../helpers/browser.js';
import { seedAuditLog } from '../security/seed-activity.js';
import { fixtureHome } from '../clients/fixture-home.js';
import { approveSpotifyLogin, serveUi, type ServedUi } from './serve-ui.js';
import { SCREENSHOTS } from '../helpers/screenshots.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The Security view in Chromium against `tunebridge serve --sandbox` over a seeded month of
 * activity: every chart's bars, summary and table agree with counts taken from the audit log
 * here, the anomalies link to their records in Activity, and nothing breaks the window's CSP.
 */
describe('the Security view', () => {
  let home: string;
  let fixtureRoot: string;
  let ui: ServedUi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let records: AuditRecord[];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'tb-security-'));
    await seedAuditLog(hostPaths(home).auditDir, Date.now());
    // MCP client configs under a throwaway HOME: the lockdown below edits whatever it finds.
    const fixture = await fixtureHome({ label: 'this OS', platform: process.platform });
    fixtureRoot = fixture.root;
    ui = await serveUi([], home, fixture.env);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(
          `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
        );
      });
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(ui.openingUrl);
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    await approveSpotifyLogin(context, page);
    const log = await AuditLog.open(hostPaths(home).auditDir);
    records = await log.query({ limit: 100_000 });
    await log.close();
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    if (home) await rm(home, { recursive: true, force: true });
    if (fixtureRoot) await rm(fixtureRoot, { recursive: true, force: true });
  });

  const openRange = async (label: string) => {
    await page.goto(`${ui.origin}/#security`);
    await page.getByRole('heading', { name: 'Security', level: 1 }).waitFor();
    await page.getByRole('button', { name: label, exact: true }).click();
    await page.locator('.charts-period').waitFor();
    return {
      from: Date.parse((await page.locator('.charts-period').getAttribute('data-from')) ?? ''),
      to: Date.parse((await page.locator('.charts-period').getAttribute('data-to')) ?? ''),
    };
  };
  const chart = (id: string) => page.locator(`figure[data-chart="${id}"]`);
  const tableRows = async (id: string) =>
    chart(id)
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent ?? ''),
        ),
      );
  const inPeriod = (from: number, to: number) =>
    records.filter((r) => Date.parse(r.time) >= from && Date.parse(r.time) <= to);

  for (const [label, size] of [
    ['24 hours', HOUR],
    ['7 days', DAY],
    ['30 days', DAY],
  ] as const) {
    it(`agrees with the audit log over ${label}`, async () => {
      const { from, to } = await openRange(label);
      const period = inPeriod(from, to);

      // Tool calls per assistant: bars, table and summary say what the log says.
      const calls = new Map<string, number>();
      for (const r of period.filter((r) => r.kind === 'tool.call' && r.outcome !== 'refused')) {
        calls.set(r.assistantName ?? '', (calls.get(r.assistantName ?? '') ?? 0) + 1);
      }
      const callRows = await tableRows('tool-calls');
      expect(Object.fromEntries(callRows.map(([name, n]) => [name, Number(n)]))).toEqual(
        Object.fromEntries(calls),
      );
      const bars = await chart('tool-calls')
        .locator('svg g[data-label]')
        .evaluateAll((gs) =>
          gs.map((g) => [g.getAttribute('data-label'), Number(g.getAttribute('data-value'))]),
        );
      expect(Object.fromEntries(bars)).toEqual(Object.fromEntries(calls));
      const total = [...calls.values()].reduce((a, b) => a + b, 0);
      expect(await chart('tool-calls').locator('figcaption').textContent()).toContain(
        `${total} tool call`,
      );

      // Refusals by reason, classified here from the messages the log holds.
      const refused = period.filter(
        (r) =>
          r.outcome === 'refused' &&
          ['capability.refused', 'api.call', 'tool.call'].includes(r.kind),
      );
      const words: Record<string, string> = {
        policy: 'Not allowed by policy',
        paused: 'Assistant paused',
        scope: 'Missing scope',
        approval: 'Approval denied',
        other: 'Other',
      };
      const expected: Record<string, number> = Object.fromEntries(
        Object.values(words).map((w) => [w, 0]),
      );
      for (const r of refused) {
        const word = words[refusalReason(r.message)] ?? 'Other';
        expected[word] = (expected[word] ?? 0) + 1;
      }
      const refusalRows = await tableRows('refusals');
      expect(Object.fromEntries(refusalRows.map(([w, n]) => [w, Number(n)]))).toEqual(expected);
      expect(await chart('refusals').locator('figcaption').textContent()).toContain(
        refused.length === 0 ? 'Nothing was refused' : `${refused.length} refusal`,
      );

      // Over-time charts: every bucket of the table counts the log's records in that bucket.
      const series: Array<[string, (r: AuditRecord) => boolean]> = [
        ['failed-auth', (r) => r.kind === 'broker.auth' && r.outcome !== 'ok'],
        [
          'rate-limiting',
          (r) => r.kind === 'api.call' && r.status === 429 && r.outcome !== 'refused',
        ],
        ['pin-mismatch', (r) => r.kind === 'alert' && /pinned keys/.test(r.message ?? '')],
      ];
      for (const [id, matches] of series) {
        const rows = await tableRows(id);
        const starts = rows.map((_, index) => from + index * size);
        const counted = starts.map(
          (start) =>
            period.filter(
              (r) => matches(r) && Date.parse(r.time) >= start && Date.parse(r.time) < start + size,
            ).length,
        );
        expect(
          rows.map((row) => Number(row[1])),
          id,
        ).toEqual(counted);
        const sum = counted.reduce((a, b) => a + b, 0);
        expect(await chart(id).locator('figcaption').textContent(), id).toMatch(
          new RegExp(`(^|\\D)${sum}\\s`),
        );
      }
      const refreshRows = await tableRows('token-refresh');
      const refreshes = period.filter((r) => r.kind === 'token.refresh');
      expect(refreshRows.reduce((a, row) => a + Number(row[1]), 0)).toBe(
        refreshes.filter((r) => r.outcome === 'ok').length,
      );
      expect(refreshRows.reduce((a, row) => a + Number(row[2]), 0)).toBe(
        refreshes.filter((r) => r.outcome !== 'ok').length,
      );
    });
  }

  it('tells anomalies in words and links them to their records in Activity', async () => {
    await openRange('24 hours');
    const volume = page.locator('li[data-anomaly="call-volume"]');
    expect(await volume.textContent()).toMatch(
      /^Claude Desktop made [\d.]+× its usual calls today: 40 calls/,
    );
    const burst = page.locator('li[data-anomaly="failed-auth-burst"]');
    expect(await burst.textContent()).toMatch(
      /^6 failed sign-ins with an unknown key in 5 minutes/,
    );
    expect(await page.locator('li[data-anomaly="refresh-failure"]').count()).toBe(1);
    expect(await page.locator('li[data-anomaly="pin-mismatch"]').count()).toBe(1);

    await burst.getByRole('link', { name: 'Show in Activity' }).click();
    await page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
    await page.locator('li.record').first().waitFor();
    const shown = await page.locator('li.record').count();
    expect(shown).toBe(6);
    expect(await page.getByLabel('Kind').inputValue()).toBe('broker.auth');
  });

  it('lists the dates to watch', async () => {
    await openRange('24 hours');
    const spotify = page.locator('tr[data-date="provider-login-ends"]');
    expect(await spotify.locator('th').textContent()).toBe('Spotify login ends');
    expect(await spotify.textContent()).toMatch(/six months after you first logged in/);
    expect(await page.locator('tr[data-date="pin-review"] td').first().textContent()).not.toBe(
      'never',
    );
  });

  it('takes screenshots, light and dark, without a CSP violation', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) {
      await dismiss.click();
    }
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await openRange('7 days');
      await page.mouse.move(600, 890);
      await page.screenshot({
        path: new URL(`security-${colorScheme}.png`, SCREENSHOTS).pathname,
        fullPage: true,
      });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(cspViolations).toEqual([]);
  });

  it('writes an incident report and runs a lockdown from the window, confirmed once', async () => {
    await openRange('24 hours');
    await page.getByRole('button', { name: 'Write incident report' }).click();
    const written = page.locator('p.incident-report');
    await written.waitFor();
    expect(await written.textContent()).toMatch(/written to .*incidents.*audit log verified/);

    await page.getByRole('button', { name: 'Lock down…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lock everything down?' });
    await dialog.getByRole('button', { name: 'Lock down' }).click();
    await page.locator('.lockdown-report li').first().waitFor();
    const steps = await page
      .locator('.lockdown-report li')
      .evaluateAll((items) =>
        items.map((li) => [li.getAttribute('data-step'), li.getAttribute('data-ok')]),
      );
    expect(steps).toEqual([
      ['pause', 'true'],
      ['revoke-keys', 'true'],
      ['client-configs', 'true'],
      ['provider-logout', 'true'],
      ['erase-tokens', 'true'],
    ]);
    await page.goto(`${ui.origin}/#accounts`);
    await page
      .locator('article[data-provider="spotify"] .badge', { hasText: /^Not connected$/ })
      .waitFor();
    expect(cspViolations).toEqual([]);
  });
});
