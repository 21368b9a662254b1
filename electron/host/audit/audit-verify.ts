import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chainHash, GENESIS_HASH, withoutHash } from './audit-chain.js';
import { auditFiles } from './audit-files.js';

export type AuditVerification =
  | { ok: true; records: number; files: number; tornLines: number }
  | { ok: false; records: number; file: string; line: number; seq?: number; reason: string };

/**
 * Walks the whole chain, oldest first, and reports the first record whose hash does not follow
 * from the one before. A torn line from a crash is counted, not failed: the next record chains
 * from the last complete one, so tampering can't hide behind it.
 */
export async function verifyAuditLog(dir: string): Promise<AuditVerification> {
  const files = await auditFiles(dir);
  let previous = GENESIS_HASH;
  let previousSeq = 0;
  let records = 0;
  let tornLines = 0;
  for (const file of files) {
    const lines = createInterface({
      input: createReadStream(join(dir, file.name), 'utf8'),
      crlfDelay: Infinity,
    });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        tornLines += 1;
        continue;
      }
      const fail = (reason: string, seq?: number): AuditVerification => ({
        ok: false,
        records,
        file: file.name,
        line: lineNumber,
        seq,
        reason,
      });
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return fail('the line is not an audit record');
      }
      const { hash, rest } = withoutHash(parsed as Record<string, unknown>);
      const seq = typeof rest.seq === 'number' ? rest.seq : undefined;
      if (seq === undefined || seq <= previousSeq) {
        return fail(`sequence number ${String(rest.seq)} does not follow ${previousSeq}`, seq);
      }
      if (hash !== chainHash(previous, rest)) {
        return fail(
          'its hash does not follow from the record before it: this record or an earlier one was changed, or a record before it was removed',
          seq,
        );
      }
      previous = hash;
      previousSeq = seq;
      records += 1;
    }
  }
  return { ok: true, records, files: files.length, tornLines };
}
