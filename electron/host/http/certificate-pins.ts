/**
 * SPKI SHA-256 pins (base64, as in HPKP's `pin-sha256`) for the provider hosts. A connection to a
 * pinned host is accepted only when some certificate in its verified chain — leaf, intermediate
 * or root — carries one of these public keys, on top of the usual trust-store check.
 *
 * We pin roots, not leaves or intermediates: the providers rotate leaf certificates every few
 * months and their CAs reissue intermediates yearly (Let's Encrypt's R3 → R10/R11 in 2024), but a
 * root's key lives for decades. The set is generous on purpose — every root the providers' CDNs
 * and clouds (DigiCert, Amazon, GlobalSign, Google Trust Services, Let's Encrypt, Sectigo) issue
 * from today — so a provider moving between those CAs does not lock people out, while a
 * certificate minted by any other CA (a compromised CA, or a TLS-inspecting proxy) is refused.
 *
 * Source: computed from each root's SubjectPublicKeyInfo in the Mozilla CA bundle as shipped by
 * Debian `ca-certificates` 20230311+deb12u1, on 2026-11-28, with
 * `openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`.
 * They agree with the values the CAs publish. How to update them: docs/CONFIGURATION.md
 * ("Certificate pinning"). Kill switch: `"pinning": false` in settings.json, or
 * `TUNEBRIDGE_DISABLE_PINNING=1`.
 */
export const PROVIDER_ROOT_PINS = {
  // DigiCert (Spotify's accounts and API hosts chain here today).
  'DigiCert Global Root CA': 'r/mIkG3eEpVdm+u/ko/cwxzOMo1bk4TyHIlByibiA5E=',
  'DigiCert Global Root G2': 'i7WTqTvh0OioIruIfFR4kMPnBqrS2rdiVPl/s2uC/CY=',
  'DigiCert Global Root G3': 'uUwZgwDOxcBXrQcntwu+kYFpkiVkOaezL0WYEZ3anJc=',
  'DigiCert High Assurance EV Root CA': 'WoiWRyIOVNa9ihaBciRSC7XHjliYS9VwUGOIud4PB18=',
  'DigiCert TLS RSA4096 Root G5': 'ape1HIIZ6T5d7GS61YBs3rD4NVvkfnVwELcCRW4Bqv0=',
  'DigiCert TLS ECC P384 Root G5': 'oC+voZLIy4HLE0FVT5wFtxzKKokLDRKY1oNkfJYe+98=',
  // Amazon Trust Services (TIDAL runs on AWS; CloudFront and ACM certificates chain here).
  'Amazon Root CA 1': '++MBgDH5WGvL9Bcn5Be30cRcL0f5O+NyoXuWtQdX1aI=',
  'Amazon Root CA 2': 'f0KW/FtqTjs108NpYj42SrGvOB2PpxIVM8nWxjPqJGE=',
  'Amazon Root CA 3': 'NqvDJlas/GRcYbcWE8S/IceH9cq77kg0jVhZeAPXq8k=',
  'Amazon Root CA 4': '9+ze1cZgR9KO1kZrVDxA4HQ6voHRCSVNz4RdTCx4U8U=',
  'Starfield Services Root Certificate Authority - G2':
    'KwccWaCgrnaw6tsrrSO61FgLacNgG2MMLq8GE6+oP5I=',
  // GlobalSign.
  'GlobalSign Root CA': 'K87oWBWM9UZfyddvDfoxL+8lpNyoUB2ptGtn0fv6G2Q=',
  'GlobalSign Root CA - R3': 'cGuxAXyFXFkWm61cF4HPWX8S0srS9j0aSqN0k4AP+4A=',
  'GlobalSign Root CA - R6': 'aCdH+LpiG4fN07wpXtXKvOciocDANj0daLOJKNJ4fx4=',
  'GlobalSign ECC Root CA - R4': 'CLOmM1/OXvSPjw5UOYbAf9GKOxImEp9hhku9W90fHMk=',
  'GlobalSign ECC Root CA - R5': 'fg6tdrtoGdwvVFEahDVPboswe53YIFjqbABPAdndpd8=',
  'GlobalSign Root R46': 'rn+WLLnmp9v3uDP7GPqbcaiRdd+UnCMrap73yz3yu/w=',
  'GlobalSign Root E46': '4EoCLOMvTM8sf2BGKHuCijKpCfXnUUR/g/0scfb9gXM=',
  // Google Trust Services (Google Cloud load balancers).
  'GTS Root R1': 'hxqRlPTu1bMS/0DITB1SSu0vd4u/8l8TjPgfaAp63Gc=',
  'GTS Root R2': 'Vfd95BwDeSQo+NUYxVEEIlvkOlWY2SalKK1lPhzOx78=',
  'GTS Root R3': 'QXnt2YHvdHR3tJYmQIr0Paosp6t/nggsEGD4QJZ3Q0g=',
  'GTS Root R4': 'mEflZT5enoR1FuXLgYYGqnVEoZvmf9c2bVBpiOjYQ0c=',
  // Let's Encrypt.
  'ISRG Root X1': 'C5+lpZ7tcVwmwQIMcRtPbsQtWLABXhQzejna0wHFr8M=',
  'ISRG Root X2': 'diGVwiVYbubAI3RW4hB9xU8e/CH2GnkuvVFZE8zmgzI=',
  // Sectigo / USERTrust.
  'USERTrust RSA Certification Authority': 'x4QzPSC810K5/cMjb05Qm4k3Bw5zBn4lTdO/nEW/Td4=',
  'USERTrust ECC Certification Authority': 'ICGRfpgmOUXIWcQ/HXPLQTkFPEFPoDyjvH7ohhQpjzs=',
  'Sectigo Public Server Authentication Root R46': 'Douxi77vs4G+Ib/BogbTFymEYq0QSFXwSgVCaZcI09Q=',
  'Sectigo Public Server Authentication Root E46': 'sLVjNUaFYfW7n6EtgBeEpjOlcnBdNPMrZDRF36iwBdE=',
} as const;

/** The hosts TuneBridge sends tokens to; every other host is left to the trust store alone. */
export const PINNED_PROVIDER_HOSTS = [
  'accounts.spotify.com',
  'api.spotify.com',
  'login.tidal.com',
  'auth.tidal.com',
  'openapi.tidal.com',
] as const;

/** Hostname → accepted SPKI SHA-256 pins. */
export type PinSet = ReadonlyMap<string, ReadonlySet<string>>;

export function providerPinSet(): PinSet {
  const pins = new Set<string>(Object.values(PROVIDER_ROOT_PINS));
  return new Map(PINNED_PROVIDER_HOSTS.map((host) => [host, pins]));
}
