import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * RFC 7636 code verifier: 48 random bytes as 64 base64url characters, which are all in the
 * unreserved set RFC 7636 allows (43–128 characters).
 */
export function createCodeVerifier(): string {
  return randomBytes(48).toString('base64url');
}

/** The S256 challenge: base64url(SHA-256(ASCII(verifier))), no padding. */
export function codeChallengeS256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** 256 random bits, so a login answer cannot be guessed or replayed into another login. */
export function createState(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares states in constant time so the callback cannot be used as a guessing oracle. */
export function statesMatch(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}
