import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { app } from './app.js';

/**
 * The one Chromium behind every window: Debian's, headless, in a throwaway profile, with a
 * DevTools port so the test process can drive the same pages the shell created.
 */
let context: Promise<BrowserContext> | undefined;
let cdpEndpoint: string | undefined;

export function browserContext(): Promise<BrowserContext> {
  if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
  context ??= launch();
  return context;
}

export function devToolsEndpoint(): string | undefined {
  return cdpEndpoint;
}

async function launch(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'tunebridge-stand-in-chromium-'));
  const launched = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1040, height: 720 },
    // Chromium itself may write the clipboard; whether the page may is the session's decision.
    permissions: ['clipboard-read', 'clipboard-write'],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--remote-debugging-port=0',
    ],
  });
  const [port] = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n');
  cdpEndpoint = `http://127.0.0.1:${port}`;
  app.shutdownTasks.push(async () => {
    await launched.close();
    rmSync(profile, { recursive: true, force: true });
  });
  return launched;
}
