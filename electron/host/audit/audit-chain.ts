import { createHash } from 'node:crypto';

/** The hash the first record chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Hash of one record: the previous hash and the record's JSON without its own hash, in the key
 * order it was written. Verifying re-serializes the parsed line, which keeps that order.
 */
export function chainHash(previousHash: string, recordWithoutHash: object): string {
  return createHash('sha256')
    .update(previousHash)
    .update('\n')
    .update(JSON.stringify(recordWithoutHash))
    .digest('hex');
}

/** Splits a parsed line into its hash and the rest, as it was hashed. */
export function withoutHash(line: Record<string, unknown>): {
  hash: unknown;
  rest: Record<string, unknown>;
} {
  const { hash, ...rest } = line;
  return { hash, rest };
}
