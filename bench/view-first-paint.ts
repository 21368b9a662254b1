// Shared by the Activity and Security first-paint benches: a data folder with a large audit log,
// `tunebridge serve --sandbox` on it, and a view opened again and again in Chromium, timed from
// navigation start to the performance mark the view sets once it is on screen.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostPaths } from '../protocol/data-folder.js';
import { startCli } from '../tests/helpers/cli-process.js';
import { launchChromium } from '../tests/helpers/browser.js';
import { summarize, type Summary } from './stats.js';

export interface ViewFirstPaintOptions {
  /** The window's route, e.g. `activity`. */
  view: string;
  /** The mark the view sets once its first content is on screen. */
  mark: string;
  /** What must be on the page once the mark is set, so an empty view can't pass for a fast one. */
  rendered: { selector: string; missing: string };
  /** How long one navigation may wait for the mark (the first also waits for the host). */
  markTimeoutMs: number;
  runs: number;
  /** Fills the audit folder before the host starts (its own timing is the caller's). */
  prepare(auditDir: string): Promise<void>;
}

/**
 * Navigation start → the view's mark, per run; the first navigation warms Chromium's and the
 * host's caches (as a person's second look would) and is not counted.
 */
export async function measureViewFirstPaint(options: ViewFirstPaintOptions): Promise<Summary> {
  const home = await mkdtemp(join(tmpdir(), `tb-bench-${options.view}-`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TUNEBRIDGE_HOME: home,
    TUNEBRIDGE_SECRET_STORE: 'passphrase-file',
    TUNEBRIDGE_PASSPHRASE: 'bench-only',
  };
  try {
    await options.prepare(hostPaths(home).auditDir);
    const serve = startCli(['serve', '--sandbox', '--no-open'], env);
    const browser = await launchChromium();
    try {
      const [openingUrl] = await serve.waitForOutput(
        /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/,
        60_000,
      );
      const origin = new URL(openingUrl).origin;
      const page = await browser.newPage({ viewport: { width: 1200, height: 860 } });
      await page.goto(openingUrl);
      const samples: number[] = [];
      for (let run = 0; run <= options.runs; run += 1) {
        await page.goto('about:blank');
        await page.goto(`${origin}/#${options.view}`);
        const handle = await page.waitForFunction(
          (mark) => performance.getEntriesByName(mark)[0]?.startTime,
          options.mark,
          { timeout: options.markTimeoutMs },
        );
        const startTime = (await handle.jsonValue()) as number;
        if ((await page.locator(options.rendered.selector).count()) === 0) {
          throw new Error(options.rendered.missing);
        }
        if (run > 0) samples.push(startTime);
      }
      return summarize(samples);
    } finally {
      await browser.close();
      await serve.stop();
    }
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}
