import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AuditRecord } from '../../../protocol/audit.js';
import { auditFiles } from '../../host/audit/audit-files.js';

/**
 * `GET /audit/export`: the whole audit log as a JSON Lines download, oldest first. Each line is
 * re-checked against the schema on the way out, so a torn line from a crash is left behind; the
 * records were redacted when they were written.
 */
export async function exportAudit(auditDir: string, response: ServerResponse): Promise<void> {
  // Oldest first, as the chain runs, so `tunebridge audit verify` can check an export too.
  const files = await auditFiles(auditDir).catch(() => []);
  const day = new Date().toISOString().slice(0, 10);
  response.writeHead(200, {
    'Content-Type': 'application/x-ndjson; charset=utf-8',
    'Content-Disposition': `attachment; filename="tunebridge-activity-${day}.jsonl"`,
  });
  for (const file of files) {
    const lines = createInterface({
      input: createReadStream(join(auditDir, file.name), 'utf8'),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      if (response.destroyed) {
        lines.close();
        return;
      }
      if (!isRecord(line)) continue;
      if (!response.write(`${line}\n`)) {
        await new Promise<void>((resolve) => {
          const resume = () => {
            response.off('drain', resume);
            response.off('close', resume);
            resolve();
          };
          response.once('drain', resume);
          response.once('close', resume);
        });
      }
    }
  }
  response.end();
}

function isRecord(line: string): boolean {
  if (!line.trim()) return false;
  try {
    return AuditRecord.safeParse(JSON.parse(line)).success;
  } catch {
    return false;
  }
}
