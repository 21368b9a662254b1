import { describe, expect, it } from 'vitest';
import { OAuthError } from '../../sandbox/oauth/oauth-error.js';
import { TokenStore } from '../../sandbox/oauth/token-store.js';
import { pkcePair } from './oauth-helpers.js';

describe('TokenStore lifetimes', () => {
  const redirectUri = 'http://127.0.0.1:9/callback';

  function storeAt(clock: { now: number }) {
    return new TokenStore(
      't',
      { accessTokenLifetimeSeconds: 60, rotateRefreshTokens: true },
      () => clock.now,
    );
  }

  it('refuses an authorization code older than ten minutes', () => {
    const clock = { now: 0 };
    const store = storeAt(clock);
    const { verifier, challenge } = pkcePair();
    const grant = { person: 'listener' as const, scopes: [] };
    const code = store.issueCode({ clientId: 'c', redirectUri, codeChallenge: challenge, grant });
    clock.now = 10 * 60 * 1000 + 1;
    expect(() => store.redeemCode(code, 'c', redirectUri, verifier)).toThrow(OAuthError);
    expect(() => store.redeemCode(code, 'c', redirectUri, verifier)).toThrow(/invalid_grant/);
  });

  it('expires access tokens after their lifetime', () => {
    const clock = { now: 0 };
    const store = storeAt(clock);
    const { verifier, challenge } = pkcePair();
    const grant = { person: 'free' as const, scopes: ['user-read-email'] };
    const code = store.issueCode({ clientId: 'c', redirectUri, codeChallenge: challenge, grant });
    const issued = store.redeemCode(code, 'c', redirectUri, verifier);
    expect(store.checkAccess(issued.accessToken)).toEqual({ ok: true, grant });
    clock.now = 60_000;
    expect(store.checkAccess(issued.accessToken)).toEqual({ ok: false, reason: 'expired' });
  });
});
