import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AuditRecord, type AuditEvent } from '../../../protocol/audit.js';
import type { IncidentReportResult } from '../../../protocol/security.js';
import { auditFiles } from '../audit/audit-files.js';
import { verifyAuditLog, type AuditVerification } from '../audit/audit-verify.js';
import { ensurePrivateDir, writeFileAtomic } from '../fs/atomic-write.js';
import { summarizeIncident, summaryMarkdown } from './incident-summary.js';

/** Without `--since`, a report covers the last week. */
const DEFAULT_PERIOD_MS = 7 * 24 * 3_600_000;

export const INCIDENT_FILES = {
  export: 'audit-export.jsonl',
  verify: 'audit-verify.json',
  summary: 'summary.json',
  summaryText: 'summary.md',
} as const;

function verifyText(result: AuditVerification): string {
  return result.ok
    ? `verified: ${result.records} records in ${result.files} files chain correctly${result.tornLines > 0 ? ` (${result.tornLines} torn lines from a crash)` : ''}`
    : `NOT verified: ${result.file} line ${result.line}: ${result.reason}`;
}

/**
 * Writes an incident report folder (0700, files 0600) under the data folder: the audit records of
 * the period exactly as logged (redacted when written, hashes kept so they can be checked against
 * the chain), `audit verify`'s result over the whole log, and the summary as JSON and Markdown.
 */
export async function writeIncidentReport(input: {
  home: string;
  auditDir: string;
  now: Date;
  since?: string;
  record: (event: AuditEvent) => Promise<unknown>;
}): Promise<IncidentReportResult> {
  const until = input.now.toISOString();
  const since = input.since ?? new Date(input.now.getTime() - DEFAULT_PERIOD_MS).toISOString();
  const folder = join(input.home, 'incidents', `incident-${until.replace(/[:.]/g, '-')}`);
  await ensurePrivateDir(join(input.home, 'incidents'));
  await ensurePrivateDir(folder);

  const verification = await verifyAuditLog(input.auditDir);
  const records = await exportPeriod(
    input.auditDir,
    Date.parse(since),
    join(folder, INCIDENT_FILES.export),
  );
  await writeFileAtomic(
    join(folder, INCIDENT_FILES.verify),
    `${JSON.stringify({ ...verification, summary: verifyText(verification) }, null, 2)}\n`,
    { mode: 0o600 },
  );
  const summary = summarizeIncident(records, { since, until });
  await writeFileAtomic(
    join(folder, INCIDENT_FILES.summary),
    `${JSON.stringify(summary, null, 2)}\n`,
    {
      mode: 0o600,
    },
  );
  await writeFileAtomic(
    join(folder, INCIDENT_FILES.summaryText),
    summaryMarkdown(summary, verifyText(verification)),
    { mode: 0o600 },
  );
  await input.record({
    kind: 'incident.report',
    outcome: verification.ok ? 'ok' : 'error',
    message: `Incident report for ${since} to ${until} written to ${folder} (${records.length} records; audit log ${verification.ok ? 'verified' : 'NOT verified'}).`,
  });
  return {
    folder,
    files: Object.values(INCIDENT_FILES),
    verified: verification.ok,
    records: records.length,
  };
}

/** Copies the period's lines as they are in the log and returns them parsed, oldest first. */
async function exportPeriod(auditDir: string, since: number, to: string): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  const out = await open(to, 'w', 0o600);
  try {
    for (const file of await auditFiles(auditDir)) {
      const lines = createInterface({
        input: createReadStream(join(auditDir, file.name), 'utf8'),
        crlfDelay: Infinity,
      });
      for await (const line of lines) {
        let parsed;
        try {
          parsed = AuditRecord.safeParse(JSON.parse(line));
        } catch {
          continue;
        }
        if (!parsed.success || Date.parse(parsed.data.time) < since) continue;
        records.push(parsed.data);
        await out.appendFile(`${line}\n`, 'utf8');
      }
    }
  } finally {
    await out.close();
  }
  return records;
}
