import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PINNED_PROVIDER_HOSTS,
  PROVIDER_ROOT_PINS,
  providerPinSet,
} from '../../electron/host/http/certificate-pins.js';
import {
  CertificatePinError,
  pinningEnabled,
  spkiPin,
} from '../../electron/host/http/certificate-pinning.js';
import { createSecureFetch } from '../../electron/host/http/secure-fetch.js';
import { startLocalServer } from '../auth/helpers/local-server.js';

/**
 * A local HTTPS server with a self-signed certificate made at test time stands in for a provider:
 * pinned to its key, the connection is accepted; pinned to anything else, it is refused before a
 * request (and so a token) is ever sent.
 */
describe('certificate pinning', () => {
  let dir: string;
  let cert: string;
  let server: Server;
  let origin: string;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tb-pin-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
      requests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `https://localhost:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const ownPin = () => spkiPin(new X509Certificate(cert).raw);

  it('accepts a pinned host whose certificate carries a pinned key', async () => {
    const fetch = createSecureFetch({
      pinning: { ca: cert, pins: new Map([['localhost', new Set([ownPin()])]]) },
    });
    const response = await fetch(`${origin}/v1/me`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('refuses a pinned host whose chain carries none of the pins, before sending anything', async () => {
    const refused: string[] = [];
    const fetch = createSecureFetch({
      pinning: {
        ca: cert,
        pins: new Map([['localhost', new Set(Object.values(PROVIDER_ROOT_PINS))]]),
        onMismatch: (host) => refused.push(host),
      },
    });
    const before = requests.length;
    const error = await fetch(`${origin}/v1/me?code=secret-code-123`, {
      headers: { Authorization: 'Bearer BQsecret-access-token' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CertificatePinError);
    expect(error).toMatchObject({ code: 'certificate_pin_mismatch', host: 'localhost' });
    expect((error as Error).message).toMatch(/docs\/CONFIGURATION\.md/);
    expect((error as Error).message).not.toMatch(/secret-code-123|BQsecret/);
    expect(refused).toEqual(['localhost']);
    expect(requests.length).toBe(before);
  });

  it('leaves hosts without pins to the trust store', async () => {
    const fetch = createSecureFetch({
      pinning: { ca: cert, pins: new Map([['api.spotify.com', new Set([ownPin()])]]) },
    });
    expect((await fetch(`${origin}/`)).status).toBe(200);
  });

  it('still refuses a certificate the trust store does not accept', async () => {
    const fetch = createSecureFetch({ pinning: { pins: new Map() } });
    await expect(fetch(`${origin}/`)).rejects.toThrow();
  });

  it('keeps plain http to loopback working for the sandbox', async () => {
    const local = await startLocalServer((_req, res) => res.end('plain'));
    try {
      const response = await createSecureFetch()(`${local.url}/x`);
      expect(await response.text()).toBe('plain');
    } finally {
      await local.close();
    }
  });

  it('pins every provider API and auth host, to well-formed SHA-256 pins', () => {
    const pins = providerPinSet();
    expect([...pins.keys()].sort()).toEqual([...PINNED_PROVIDER_HOSTS].sort());
    for (const pin of Object.values(PROVIDER_ROOT_PINS)) {
      expect(Buffer.from(pin, 'base64')).toHaveLength(32);
    }
  });

  it.runIf(existsSync('/etc/ssl/certs/ca-certificates.crt'))(
    'pins only keys of roots in the Mozilla CA bundle',
    () => {
      const bundle = readFileSync('/etc/ssl/certs/ca-certificates.crt', 'utf8')
        .split(/(?=-----BEGIN CERTIFICATE-----)/)
        .filter((pem) => pem.includes('BEGIN CERTIFICATE'));
      const trusted = new Set(bundle.map((pem) => spkiPin(new X509Certificate(pem).raw)));
      const unknown = Object.entries(PROVIDER_ROOT_PINS).filter(([, pin]) => !trusted.has(pin));
      expect(unknown).toEqual([]);
    },
  );

  it('has a kill switch in settings and in the environment', () => {
    expect(pinningEnabled(undefined, {})).toBe(true);
    expect(pinningEnabled(true, {})).toBe(true);
    expect(pinningEnabled(false, {})).toBe(false);
    expect(pinningEnabled(true, { TUNEBRIDGE_DISABLE_PINNING: '1' })).toBe(false);
    expect(pinningEnabled(true, { TUNEBRIDGE_DISABLE_PINNING: '0' })).toBe(true);
  });
});
