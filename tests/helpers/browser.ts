import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium, headless, with the background services this offline machine would refuse. */
export function launchChromium(more: Pick<LaunchOptions, 'proxy'> = {}): Promise<Browser> {
  return chromium.launch({
    ...more,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
