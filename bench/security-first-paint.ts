// With 1,000,000 audit records, the Security view's first paint in Chromium (navigation → charts
// on screen) stays within 300 ms, because the host answers from per-hour counters kept as the log
// is written. Also reported: the one-off rebuild of those counters from the log (when their file
// is missing). Reported, not asserted.
import { fileURLToPath } from 'node:url';
import { rebuildCounters } from '../electron/host/security/counter-store.js';
import { writeAuditRecords } from './activity-write.js';
import type { Summary } from './stats.js';
import { measureViewFirstPaint } from './view-first-paint.js';

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
  let rebuildMs = 0;
  // The first navigation also waits for the host's own rebuild (no counters file yet).
  const firstPaint = await measureViewFirstPaint({
    view: 'security',
    mark: FIRST_PAINT_MARK,
    rendered: { selector: 'figure[data-chart]', missing: 'no charts' },
    markTimeoutMs: 120_000,
    runs,
    async prepare(auditDir) {
      await writeAuditRecords(auditDir, records);
      const rebuildStart = performance.now();
      await rebuildCounters(auditDir);
      rebuildMs = performance.now() - rebuildStart;
    },
  });
  return { records, rebuildMs, firstPaint };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await measureSecurityFirstPaint(Number(process.argv[2] ?? 1_000_000));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
