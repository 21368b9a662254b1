import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { anchorProblem, ANCHOR_BROKEN, type AuditHead } from './audit-anchor.js';
import { chainHash, GENESIS_HASH, withoutHash } from './audit-chain.js';
import { auditFiles } from './audit-files.js';

export type AuditVerification =
  | {
      ok: true;
      records: number;
      files: number;
      tornLines: number;
      /** Whether the newest record was checked against the head kept outside the log. */
      anchored: boolean;
    }
  | { ok: false; records: number; file: string; line: number; seq?: number; reason: string };

export interface VerifyOptions {
  /** The head kept in the secret store; without it, truncation and rewriting can't be seen. */
  anchor?: AuditHead;
}

interface Torn {
  file: string;
  line: number;
}

/**
 * Walks the whole chain, oldest first, and reports the first record whose hash does not follow
 * from the one before. A line that isn't JSON is allowed in two places only, where a crash
 * leaves one: the last line of the log, and the line just before the `host.start` of the next
 * run. Anywhere else it is an insertion and fails. With the anchor, the log must also reach the
 * head TuneBridge last recorded, with the same hash there.
 */
export async function verifyAuditLog(
  dir: string,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const files = await auditFiles(dir);
  let previous = GENESIS_HASH;
  let previousSeq = 0;
  let records = 0;
  let tornLines = 0;
  let torn: Torn | undefined;
  let hashAtAnchor: string | undefined;
  let last = { file: files.at(-1)?.name ?? '', line: 0 };
  for (const file of files) {
    const lines = createInterface({
      input: createReadStream(join(dir, file.name), 'utf8'),
      crlfDelay: Infinity,
    });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      last = { file: file.name, line: lineNumber };
      const fail = (reason: string, seq?: number, at: Torn = last): AuditVerification => ({
        ok: false,
        records,
        file: at.file,
        line: at.line,
        seq,
        reason,
      });
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        if (torn) return fail('two lines in a row are not audit records', undefined, torn);
        torn = { file: file.name, line: lineNumber };
        tornLines += 1;
        continue;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return fail('the line is not an audit record');
      }
      const { hash, rest } = withoutHash(parsed as Record<string, unknown>);
      if (torn) {
        // Only a crash explains a torn line, and after a crash the next run starts with host.start.
        if (rest.kind !== 'host.start') {
          return fail(
            'the line is not an audit record, and it is not a write a crash cut short (those are followed by the next start of TuneBridge)',
            undefined,
            torn,
          );
        }
        torn = undefined;
      }
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
      if (rest.kind === 'alert' && String(rest.message).startsWith(ANCHOR_BROKEN)) {
        return fail(`TuneBridge recorded at start: ${String(rest.message)}`, seq);
      }
      if (seq === options.anchor?.seq) hashAtAnchor = hash;
      previous = hash;
      previousSeq = seq;
      records += 1;
    }
  }
  const problem = anchorProblem(options.anchor, {
    seq: previousSeq,
    hashAt: () => hashAtAnchor,
  });
  if (problem) {
    return {
      ok: false,
      records,
      file: last.file,
      line: last.line,
      seq: previousSeq,
      reason: problem,
    };
  }
  return {
    ok: true,
    records,
    files: files.length,
    tornLines,
    anchored: options.anchor !== undefined,
  };
}
