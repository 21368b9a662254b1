import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetRegisteredSecrets,
  redactRecord,
  redactSecrets,
  registerSecret,
} from '../../electron/host/audit/redact.js';

describe('redaction', () => {
  afterEach(() => forgetRegisteredSecrets());

  it.each([
    ['a bearer header', 'Authorization: Bearer BQC4x_y-z.123', 'BQC4x_y-z.123'],
    ['a refresh_token parameter', 'grant_type=refresh_token&refresh_token=AQDf00bar', 'AQDf00bar'],
    ['a JSON access_token field', '{"access_token": "tok3nValue"}', 'tok3nValue'],
    ['a client key', 'clientKey=tbk_Zm9vYmFyYmF6', 'tbk_Zm9vYmFyYmF6'],
    ['an authorization code', 'callback?code=abc123def&state=s', 'abc123def'],
    ['a JWT', 'id eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature', 'eyJhbGciOiJIUzI1NiJ9'],
    ['a long random run', 'saw 9f8e7d6c5b4a39281706f5e4d3c2b1a0 in logs', '9f8e7d6c5b4a3928'],
  ])('scrubs %s', (_, text, secret) => {
    const redacted = redactSecrets(text);
    expect(redacted).not.toContain(secret);
    expect(redacted).toContain('[redacted]');
  });

  it('scrubs a registered value wherever it appears, whatever it looks like', () => {
    registerSecret('plain words secret');
    expect(redactSecrets('the value plain words secret leaked')).toBe(
      'the value [redacted] leaked',
    );
  });

  it('leaves ids, scopes, tool names and paths a person needs to read', () => {
    const text =
      'client 3f2b9c1e-8d7a-4b6c-9e5f-1a2b3c4d5e6f used spotify_search on GET /v1/search with user-read-playback-state';
    expect(redactSecrets(text)).toBe(text);
  });

  it('stays fast on long runs of letters and digits, which once made it backtrack for hours', () => {
    // A nested quantifier took time doubling with each character here; the test would time out.
    const id = 'ab12'.repeat(12);
    expect(redactSecrets(`client ${id} and ${id}`)).toBe('client [redacted] and [redacted]');
  });

  it('redacts every string field and array item of a record, keeping the rest', () => {
    const record = redactRecord({
      seq: 1,
      message: 'Bearer abc.def',
      scopes: ['user-read-private', 'access_token=xyz123'],
    });
    expect(record.seq).toBe(1);
    expect(record.message).toBe('Bearer [redacted]');
    expect(record.scopes).toEqual(['user-read-private', 'access_token=[redacted]']);
  });
});
