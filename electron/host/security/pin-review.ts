import { createHash, X509Certificate } from 'node:crypto';
import * as tls from 'node:tls';
import { PROVIDER_ROOT_PINS } from '../http/certificate-pins.js';

export interface PinReview {
  /** The earliest end among the pinned roots found in Node's Mozilla root store. */
  date?: string;
  root?: string;
  /** Pinned roots Node's root store no longer carries: review the set now. */
  missing: string[];
}

let cached: PinReview | undefined;

/**
 * When the pin set should next be reviewed: the day the first pinned root expires. The dates come
 * from the root certificates themselves (Node ships Mozilla's store), matched by their SPKI pin,
 * so they can't drift from a hand-kept list. The system store is read too where Node offers it
 * (22.15+), since Mozilla drops roots from its store a while before they expire.
 */
export function pinReview(): PinReview {
  if (cached) return cached;
  const expiries = new Map<string, number>();
  for (const pem of [...tls.rootCertificates, ...systemRoots()]) {
    try {
      const certificate = new X509Certificate(pem);
      const spki = certificate.publicKey.export({ type: 'spki', format: 'der' });
      const pin = createHash('sha256').update(spki).digest('base64');
      expiries.set(pin, Date.parse(certificate.validTo));
    } catch {
      // A root Node can't parse can't be one of ours either.
    }
  }
  let earliest: { root: string; time: number } | undefined;
  const missing: string[] = [];
  for (const [root, pin] of Object.entries(PROVIDER_ROOT_PINS)) {
    const time = expiries.get(pin);
    if (time === undefined) missing.push(root);
    else if (!earliest || time < earliest.time) earliest = { root, time };
  }
  cached = {
    date: earliest && new Date(earliest.time).toISOString(),
    root: earliest?.root,
    missing,
  };
  return cached;
}

function systemRoots(): string[] {
  const read = (tls as { getCACertificates?: (type: 'system') => string[] }).getCACertificates;
  try {
    return read?.('system') ?? [];
  } catch {
    return [];
  }
}
