import { parseArgs } from 'node:util';
import { AuditKind, AuditQuery } from '../../protocol/audit.js';
import { ProviderId } from '../../protocol/providers.js';
import { AuditLog } from '../../electron/host/audit/audit-log.js';
import { auditVerifyReport } from '../../electron/host/audit/audit-verify-report.js';
import { formatAuditTable } from '../../electron/host/audit/format-audit.js';
import { dataDir, hostPaths } from '../../protocol/data-folder.js';
import { CliError } from '../cli-error.js';

/** Reads the audit log directly, so it works whether or not the host is running. */
export async function run(args: string[]): Promise<number> {
  if (args[0] === 'verify') return verify();
  const { values } = parseArgs({
    args,
    options: {
      limit: { type: 'string', default: '50' },
      before: { type: 'string' },
      kind: { type: 'string' },
      client: { type: 'string' },
      provider: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const query = AuditQuery.safeParse({
    limit: Number(values.limit),
    kind: values.kind,
    clientId: values.client,
    provider: values.provider,
    since: values.since,
    until: values.until,
    beforeSeq: values.before === undefined ? undefined : Number(values.before),
  });
  if (!query.success) {
    const kinds = AuditKind.options.join(', ');
    throw new CliError(
      `Check the filters: --limit is 1–10000, --before a record number, --kind one of ${kinds}, --provider one of ${ProviderId.options.join(', ')}.`,
      2,
    );
  }
  const log = await AuditLog.open(hostPaths(dataDir()).auditDir);
  const records = await log.query(query.data);
  if (values.json) {
    for (const record of records) process.stdout.write(`${JSON.stringify(record)}\n`);
  } else if (records.length === 0) {
    process.stdout.write('No audit records match.\n');
  } else {
    process.stdout.write(`${formatAuditTable(records)}\n`);
  }
  return 0;
}

async function verify(): Promise<number> {
  const report = await auditVerifyReport();
  process.stdout.write(report.stdout);
  process.stderr.write(report.stderr);
  return report.code;
}
