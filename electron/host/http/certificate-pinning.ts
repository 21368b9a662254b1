import { createHash, X509Certificate } from 'node:crypto';
import {
  checkServerIdentity as checkHostname,
  type DetailedPeerCertificate,
  type PeerCertificate,
} from 'node:tls';
import { Agent } from 'undici';
import { TuneBridgeError } from '../errors.js';
import { providerPinSet, type PinSet } from './certificate-pins.js';

/** The certificate a provider host showed carries none of the public keys TuneBridge expects. */
export class CertificatePinError extends TuneBridgeError<'certificate_pin_mismatch'> {
  constructor(readonly host: string) {
    super(
      'certificate_pin_mismatch',
      `TuneBridge refused the connection to ${host}: its certificate was not issued by a CA that ${host} uses. ` +
        'Something between you and the provider may be intercepting traffic. If your network inspects TLS on purpose ' +
        '(a corporate proxy), turn certificate pinning off — see docs/CONFIGURATION.md.',
    );
  }
}

export interface PinningOptions {
  /** Hostname → accepted SPKI SHA-256 pins; defaults to the provider hosts and their CA roots. */
  pins?: PinSet;
  /** Extra trusted CAs (tests use a self-signed certificate); the system store otherwise. */
  ca?: string | Buffer;
  /** Told about every refused host, so the host can audit and alert. Never given a secret. */
  onMismatch?: (host: string) => void;
}

/** base64 SHA-256 of a certificate's SubjectPublicKeyInfo, as HPKP's `pin-sha256`. */
export function spkiPin(der: Buffer): string {
  const spki = new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/** Pins of every certificate in the verified chain Node reports, leaf first. */
export function chainPins(leaf: PeerCertificate | DetailedPeerCertificate): string[] {
  const pins: string[] = [];
  const seen = new Set<string>();
  let cert: PeerCertificate | undefined = leaf;
  while (cert?.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    pins.push(spkiPin(cert.raw));
    cert = (cert as Partial<DetailedPeerCertificate>).issuerCertificate;
  }
  return pins;
}

/**
 * Node's hostname check, then — for a pinned host — at least one certificate of the chain must
 * carry a pinned key. Node runs this only after the chain verified against the trust store.
 */
export function pinnedIdentityCheck(
  pins: PinSet,
  onMismatch?: (host: string) => void,
): (host: string, cert: PeerCertificate) => Error | undefined {
  return (host, cert) => {
    const hostnameError = checkHostname(host, cert);
    if (hostnameError) return hostnameError;
    const expected = pins.get(host.toLowerCase());
    if (!expected) return undefined;
    if (chainPins(cert).some((pin) => expected.has(pin))) return undefined;
    onMismatch?.(host);
    return new CertificatePinError(host);
  };
}

/**
 * An undici dispatcher whose TLS connections are checked against the pins. TLS session resumption
 * is off: a resumed session skips the identity check, and a handshake per new connection is cheap
 * next to what it protects (keep-alive still reuses connections).
 */
export function createPinnedDispatcher(options: PinningOptions = {}): Agent {
  return new Agent({
    connect: {
      checkServerIdentity: pinnedIdentityCheck(
        options.pins ?? providerPinSet(),
        options.onMismatch,
      ),
      maxCachedSessions: 0,
      ...(options.ca ? { ca: options.ca } : {}),
    },
  });
}

/** The pin error behind a failed fetch, if that is why it failed. */
export function findPinError(error: unknown): CertificatePinError | undefined {
  for (let cause = error, depth = 0; cause && depth < 8; depth += 1) {
    if (cause instanceof CertificatePinError) return cause;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Pinning is on unless the person turned it off: `"pinning": false` in settings, or
 * `TUNEBRIDGE_DISABLE_PINNING=1` (for networks that inspect TLS on purpose).
 */
export function pinningEnabled(setting: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (env.TUNEBRIDGE_DISABLE_PINNING === '1' || env.TUNEBRIDGE_DISABLE_PINNING === 'true') {
    return false;
  }
  return setting !== false;
}
