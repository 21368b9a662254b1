import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import * as z from 'zod';

/**
 * The passphrase file's on-disk format. scrypt turns the passphrase into 64 bytes: the first half
 * is the AES-256-GCM key, the second keys an HMAC "check" that tells a wrong passphrase apart
 * from a damaged file (GCM alone fails the same way for both). The check lets an attacker test a
 * guess no faster than decrypting would, since scrypt dominates either way.
 */
export const SCRYPT_DEFAULTS = { N: 2 ** 17, r: 8, p: 1 } as const;

/** scrypt's work factors; `r` stays 8. Only tests pass less than `SCRYPT_DEFAULTS`. */
export interface KdfCost {
  N: number;
  p: number;
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const SecretsFile = z.object({
  v: z.literal(1),
  kdf: z.literal('scrypt'),
  // Bounded so a planted file cannot make us allocate without limit; `openSecrets` also refuses
  // anything weaker than the cost we write.
  N: z
    .number()
    .int()
    .refine((n) => n >= 2 && n <= 2 ** 20 && (n & (n - 1)) === 0),
  r: z.literal(8),
  p: z.number().int().min(1).max(4),
  salt: base64,
  nonce: base64,
  check: base64,
  ciphertext: base64,
  tag: base64,
});
export type SecretsFile = z.infer<typeof SecretsFile>;

export const SecretsPayload = z.object({ entries: z.record(z.string(), z.string()) });
export type SecretsPayload = z.infer<typeof SecretsPayload>;

interface KdfParams {
  N: number;
  r: number;
  p: number;
  salt: string;
}

/** Bound into GCM's additional data, so lowering N or swapping the salt breaks authentication. */
function additionalData(params: KdfParams): Buffer {
  return Buffer.from(
    JSON.stringify(['tunebridge-secrets', 1, 'scrypt', params.N, params.r, params.p, params.salt]),
  );
}

async function deriveKeys(passphrase: string, params: KdfParams): Promise<Buffer> {
  // NFC so the same passphrase typed on another system (or keyboard layout) gives the same key.
  const secret = Buffer.from(passphrase.normalize('NFC'));
  const salt = Buffer.from(params.salt, 'base64');
  return new Promise((resolve, reject) =>
    scrypt(
      secret,
      salt,
      64,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

function checkValue(keys: Buffer, aad: Buffer): Buffer {
  return createHmac('sha256', keys.subarray(32)).update('passphrase-check').update(aad).digest();
}

/** Encrypts with a fresh salt and nonce every time, so no two writes share a key and nonce. */
export async function sealSecrets(
  passphrase: string,
  payload: SecretsPayload,
  cost: KdfCost = SCRYPT_DEFAULTS,
): Promise<string> {
  const params = { N: cost.N, r: 8 as const, p: cost.p, salt: randomBytes(16).toString('base64') };
  const keys = await deriveKeys(passphrase, params);
  const aad = additionalData(params);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.subarray(0, 32), nonce);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(payload)), cipher.final()]);
  const file: SecretsFile = {
    v: 1,
    kdf: 'scrypt',
    ...params,
    nonce: nonce.toString('base64'),
    check: checkValue(keys, aad).toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type OpenResult =
  | { ok: true; payload: SecretsPayload }
  | { ok: false; reason: 'passphrase_wrong' }
  | { ok: false; reason: 'store_corrupt'; detail: string };

/** Opens a file sealed with at least `cost` (a weaker header is refused as corrupt). */
export async function openSecrets(
  passphrase: string,
  text: string,
  cost: KdfCost = SCRYPT_DEFAULTS,
): Promise<OpenResult> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'store_corrupt', detail: 'it is not valid JSON' };
  }
  const file = SecretsFile.safeParse(parsed);
  if (!file.success || file.data.N < cost.N || file.data.p < cost.p) {
    return { ok: false, reason: 'store_corrupt', detail: 'its header is not in a known format' };
  }
  const { check, ciphertext, N, r, p, salt } = file.data;
  const params = { N, r, p, salt };
  const nonce = Buffer.from(file.data.nonce, 'base64');
  const tag = Buffer.from(file.data.tag, 'base64');
  // A shortened tag would weaken authentication, so only the sizes we write are accepted.
  if (nonce.length !== 12 || tag.length !== 16) {
    return { ok: false, reason: 'store_corrupt', detail: 'its nonce or tag has the wrong size' };
  }
  const keys = await deriveKeys(passphrase, params);
  const aad = additionalData(params);
  const expected = checkValue(keys, aad);
  const stored = Buffer.from(check, 'base64');
  if (stored.length !== expected.length || !timingSafeEqual(stored, expected)) {
    return { ok: false, reason: 'passphrase_wrong' };
  }
  let plaintext: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.subarray(0, 32), nonce, {
      authTagLength: 16,
    });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return { ok: false, reason: 'store_corrupt', detail: 'its contents fail authentication' };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(plaintext);
  } catch {
    payload = undefined;
  }
  const result = SecretsPayload.safeParse(payload);
  if (!result.success) {
    return { ok: false, reason: 'store_corrupt', detail: 'its decrypted contents are unreadable' };
  }
  return { ok: true, payload: result.data };
}
