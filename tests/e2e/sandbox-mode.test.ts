import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { HOST_V8_FLAGS } from '../../cli/host-v8-flags.js';
import { runCli, startCli, type CliProcess } from '../helpers/cli-process.js';

/**
 * A newcomer with no provider account: `npm start` (which runs `serve`) comes up in sandbox mode,
 * and both providers can be logged in to — or refused — from a real browser.
 */
describe('sandbox mode, as a newcomer meets it', () => {
  let home: string;
  let host: CliProcess;
  let browser: Browser;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'tb-sandbox-mode-'));
    env = { ...process.env, TUNEBRIDGE_HOME: home, TUNEBRIDGE_SECRET_STORE: 'keyring' };
    for (const key of Object.keys(env))
      if (/^TUNEBRIDGE_(SPOTIFY|TIDAL)_/.test(key)) delete env[key];
    host = startCli(['serve'], env);
    await host.waitForOutput(/TuneBridge is running/);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (home) await rm(home, { recursive: true, force: true });
  });

  // The host restarts itself in place with its V8 flags: same process, no parent left waiting.
  it.runIf(process.platform === 'linux')(
    'runs the host with its memory flags, in the process that was started',
    async () => {
      const commandLine = (await readFile(`/proc/${host.child.pid}/cmdline`, 'utf8')).split('\0');
      expect(commandLine).toEqual(expect.arrayContaining([...HOST_V8_FLAGS, 'serve']));
      expect(commandLine.indexOf(HOST_V8_FLAGS[0] ?? '')).toBeLessThan(
        commandLine.indexOf('serve'),
      );
    },
  );

  async function loginThroughBrowser(provider: string, button: 'Approve' | 'Deny') {
    const login = startCli(['login', provider, '--no-open'], env);
    const [url] = await login.waitForOutput(/http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+/);
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: button }).click();
    await page.waitForURL(/127\.0\.0\.1:\d+\/callback/);
    const resultPage = (await page.textContent('body')) ?? '';
    await page.close();
    return { code: await login.exit, login, resultPage };
  }

  it('starts in sandbox mode when no provider is configured', () => {
    expect(host.stdout()).toMatch(/Sandbox mode/);
    expect(host.stdout()).toMatch(/Spotify sandbox: http:\/\/127\.0\.0\.1:\d+/);
  });

  it('tells the person clearly when they deny access, and connects nothing', async () => {
    const { code, login, resultPage } = await loginThroughBrowser('spotify', 'Deny');
    expect(code).not.toBe(0);
    expect(login.stderr()).toMatch(/denied access to Spotify/i);
    expect(resultPage).toMatch(/denied/i);
    const status = await runCli(['status', '--json'], env);
    expect(JSON.parse(status.stdout).providers).toContainEqual(
      expect.objectContaining({ provider: 'spotify', status: 'disconnected' }),
    );
  });

  it('logs in to TIDAL over its fixed, exactly registered redirect', async () => {
    const { code, login } = await loginThroughBrowser('tidal', 'Approve');
    expect(code).toBe(0);
    expect(login.stdout()).toMatch(/TIDAL connected as \S+/);
  });

  it('logs in to Spotify after an earlier denial', async () => {
    const { code, login, resultPage } = await loginThroughBrowser('spotify', 'Approve');
    expect(code).toBe(0);
    expect(login.stdout()).toContain('Spotify connected as Sandbox Listener');
    expect(resultPage).not.toMatch(/code=/);
  });
});
