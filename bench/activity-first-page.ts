// Issue 5: with 1,000,000 audit records, Activity's first page renders in Chromium within 300 ms
// of navigation. Reported, not asserted.
import { fileURLToPath } from 'node:url';
import { writeAuditRecords } from './activity-write.js';
import type { Summary } from './stats.js';
import { measureViewFirstPaint } from './view-first-paint.js';

/** The mark ui/views/activity-view.tsx sets once the first page is on screen. */
const FIRST_PAGE_MARK = 'tunebridge:activity-first-page';

export interface ActivityFirstPage {
  records: number;
  writeMs: number;
  /** Navigation start → first page rendered, per navigation. */
  firstPage: Summary;
}

export async function measureActivityFirstPage(
  records = 1_000_000,
  runs = 7,
): Promise<ActivityFirstPage> {
  let writeMs = 0;
  const firstPage = await measureViewFirstPaint({
    view: 'activity',
    mark: FIRST_PAGE_MARK,
    rendered: { selector: 'li.record', missing: 'no records rendered' },
    markTimeoutMs: 30_000,
    runs,
    async prepare(auditDir) {
      const writeStart = performance.now();
      await writeAuditRecords(auditDir, records);
      writeMs = performance.now() - writeStart;
    },
  });
  return { records, writeMs, firstPage };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await measureActivityFirstPage(Number(process.argv[2] ?? 1_000_000));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
