import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/cli-process.js';
import { serveUi, type ServedUi } from './serve-ui.js';

const ADDRESS = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/;

/**
 * `tunebridge open` gives the running host's window a fresh one-time address: a closed tab no
 * longer means a restart that would cut every assistant off.
 */
describe('tunebridge open', () => {
  let ui: ServedUi;
  let browser: Browser;

  beforeAll(async () => {
    ui = await serveUi();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
  });

  it('prints a new address for the running host that opens the window once', async () => {
    // The printed address is spent by a first window.
    const first = await browser.newPage();
    await first.goto(ui.openingUrl);
    await first.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    await first.close();

    const opened = await runCli(['open', '--no-open'], ui.env);
    expect(opened.code).toBe(0);
    expect(opened.stdout).toContain('works once');
    const [url] = ADDRESS.exec(opened.stdout) ?? [];
    expect(url).toBeDefined();
    expect(new URL(url ?? '').origin).toBe(ui.origin);
    expect(url).not.toBe(ui.openingUrl);

    const page = await (await browser.newContext()).newPage();
    await page.goto(url ?? '');
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    expect(page.url()).toBe(`${ui.origin}/`);
    // Same host, still running: nothing restarted.
    expect(ui.cli.child.exitCode).toBeNull();

    // Once: the same address again opens nothing.
    const again = await (await browser.newContext()).newPage();
    const answer = await again.goto(url ?? '');
    expect(answer?.status()).not.toBe(200);
  });

  it('says how to use it', async () => {
    const help = await runCli(['open', '--help'], ui.env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('tunebridge open --no-open');
    const wrong = await runCli(['open', '--nope'], ui.env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--nope');
  });
});
