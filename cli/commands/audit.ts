import type { AuditQuery } from '../../protocol/audit.js';
import { AuditLog } from '../../electron/host/audit/audit-log.js';
import { auditVerifyReport } from '../../electron/host/audit/audit-verify-report.js';
import { formatAuditTable } from '../../electron/host/audit/format-audit.js';
import { dataDir, hostPaths } from '../../protocol/data-folder.js';
import { resolveAssistantFlag } from '../assistant-names.js';
import type { AuditOptions } from '../program.js';

/** Reads the audit log directly, so it works whether or not the host is running. */
export async function audit(values: AuditOptions): Promise<number> {
  // The flags were checked as they were parsed (program.ts), so the query is well-formed.
  const paths = hostPaths(dataDir());
  const query: AuditQuery = {
    limit: values.limit,
    kind: values.kind,
    assistantId:
      values.client === undefined
        ? undefined
        : await resolveAssistantFlag(values.client, paths.settingsFile),
    provider: values.provider,
    since: values.since,
    until: values.until,
    beforeSeq: values.before,
  };
  const log = await AuditLog.open(paths.auditDir);
  const records = await log.query(query);
  if (values.json) {
    for (const record of records) process.stdout.write(`${JSON.stringify(record)}\n`);
  } else if (records.length === 0) {
    process.stdout.write('No audit records match.\n');
  } else {
    process.stdout.write(`${formatAuditTable(records)}\n`);
  }
  return 0;
}

export async function verify(): Promise<number> {
  const report = await auditVerifyReport();
  process.stdout.write(report.stdout);
  process.stderr.write(report.stderr);
  return report.code;
}
