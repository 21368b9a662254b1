import { open, readdir } from 'node:fs/promises';

/** Files are named by the first sequence number they hold, so name order is record order. */
const FILE_PATTERN = /^audit-(\d{12})\.jsonl$/;

export function auditFileName(firstSeq: number): string {
  return `audit-${String(firstSeq).padStart(12, '0')}.jsonl`;
}

export interface AuditFile {
  name: string;
  firstSeq: number;
}

/** The log's files, oldest first. */
export async function auditFiles(dir: string): Promise<AuditFile[]> {
  const files: AuditFile[] = [];
  for (const name of await readdir(dir)) {
    const match = FILE_PATTERN.exec(name);
    if (match?.[1]) files.push({ name, firstSeq: Number(match[1]) });
  }
  return files.sort((a, b) => a.firstSeq - b.firstSeq);
}

const CHUNK_BYTES = 256 * 1024;

/**
 * Yields a file's lines last to first, reading fixed chunks from the end: the newest page of a
 * log with a million records costs one read, not the whole file.
 */
export async function* linesBackward(path: string): AsyncGenerator<string> {
  const handle = await open(path, 'r');
  try {
    let position = (await handle.stat()).size;
    let carry = Buffer.alloc(0);
    while (position > 0) {
      const length = Math.min(CHUNK_BYTES, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      await handle.read(chunk, 0, length, position);
      let buffer = Buffer.concat([chunk, carry]);
      let newline = buffer.lastIndexOf(0x0a);
      // Split on bytes, not characters, so a multi-byte character across chunks stays whole.
      while (newline !== -1) {
        const line = buffer.subarray(newline + 1).toString('utf8');
        if (line.trim() !== '') yield line;
        buffer = buffer.subarray(0, newline);
        newline = buffer.lastIndexOf(0x0a);
      }
      carry = buffer;
    }
    const first = carry.toString('utf8');
    if (first.trim() !== '') yield first;
  } finally {
    await handle.close();
  }
}
