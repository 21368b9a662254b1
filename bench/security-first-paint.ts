// With 1,000,000 audit records, the Security view's first paint in Chromium (navigation → charts
// on screen) stays within 300 ms, because the host answers from per-hour counters kept as the log
// is written. Also reported: the one-off rebuild of those counters from the log (when their file
// is missing). Reported, not asserted.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostPaths } from '../protocol/data-folder.js';
import { rebuildCounters } from '../electron/host/security/counter-store.js';
import { startCli } from '../tests/helpers/cli-process.js';
import { launchChromium } from '../tests/helpers/browser.js';
import { writeAuditRecords } from './activity-write.js';
import { summarize, type Summary } from './stats.js';

/** The mark renderer/views/security-view.tsx sets once the first figures are on screen. */
const FIRST_PAINT_MARK = 'tunebridge:security-first-paint';

export interface SecurityFirstPaint {
  records: number;
  /** Counting the whole log once, as the host does when its counters file is missing. */
  rebuildMs: number;
  firstPaint: Summary;
}

export async function measureSecurityFirstPaint(
  records = 1_000_000,
  runs = 7,
): Promise<SecurityFirstPaint> {
  const home = await mkdtemp(join(tmpdir(), 'tb-bench-security-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TUNEBRIDGE_HOME: home,
    TUNEBRIDGE_SECRET_STORE: 'passphrase-file',
    TUNEBRIDGE_PASSPHRASE: 'bench-only',
  };
  const { auditDir } = hostPaths(home);
  await writeAuditRecords(auditDir, records);
  const rebuildStart = performance.now();
  await rebuildCounters(auditDir);
  const rebuildMs = performance.now() - rebuildStart;

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
    // The first navigation waits for the host's own rebuild (no counters file yet) and warms the
    // caches; the runs after it are what a person opening the view sees.
    for (let run = 0; run <= runs; run += 1) {
      await page.goto('about:blank');
      await page.goto(`${origin}/#security`);
      const handle = await page.waitForFunction(
        (mark) => performance.getEntriesByName(mark)[0]?.startTime,
        FIRST_PAINT_MARK,
        { timeout: 120_000 },
      );
      const startTime = (await handle.jsonValue()) as number;
      if ((await page.locator('figure[data-chart]').count()) === 0) throw new Error('no charts');
      if (run > 0) samples.push(startTime);
    }
    return { records, rebuildMs, firstPaint: summarize(samples) };
  } finally {
    await browser.close();
    await serve.stop();
    await rm(home, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await measureSecurityFirstPaint(Number(process.argv[2] ?? 1_000_000));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
