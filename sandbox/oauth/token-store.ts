import { randomBytes } from 'node:crypto';
import type { PersonKey } from '../accounts/index.js';
import { OAuthError } from './oauth-error.js';
import { verifierMatches } from './pkce.js';

/** Both providers let an authorization code live ten minutes. */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** Who approved, and what they allowed: every token issued from one approval carries it. */
export interface Grant {
  person: PersonKey;
  scopes: string[];
}

export interface CodeRequest {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  grant: Grant;
}

export interface IssuedTokens {
  accessToken: string;
  /** Absent when a refresh keeps the old refresh token (no rotation). */
  refreshToken?: string;
  expiresIn: number;
  grant: Grant;
}

export type AccessCheck =
  { ok: true; grant: Grant } | { ok: false; reason: 'invalid' | 'expired' | 'revoked' };

interface CodeRecord extends CodeRequest {
  expiresAt: number;
  used: boolean;
  /** Tokens issued for this code, revoked if the code is replayed (RFC 6749 §4.1.2). */
  family?: Family;
}

/** Everything descended from one approval; revoking one member revokes the rest. */
interface Family {
  revoked: boolean;
}

interface AccessRecord {
  grant: Grant;
  family: Family;
  expiresAt: number;
  expired: boolean;
}

interface RefreshRecord {
  grant: Grant;
  family: Family;
  clientId: string;
  valid: boolean;
}

/**
 * Authorization codes, access tokens and refresh tokens for one provider sandbox, all in
 * memory. Values are random (crypto) and carry a readable prefix so a leak is easy to spot.
 */
export class TokenStore {
  private readonly codes = new Map<string, CodeRecord>();
  private readonly access = new Map<string, AccessRecord>();
  private readonly refresh = new Map<string, RefreshRecord>();
  private readonly issued: string[] = [];
  private accessLifetimeSeconds: number;
  private readonly rotate: boolean;

  constructor(
    private readonly prefix: string,
    options: { accessTokenLifetimeSeconds: number; rotateRefreshTokens: boolean },
    private readonly now: () => number = Date.now,
  ) {
    this.accessLifetimeSeconds = options.accessTokenLifetimeSeconds;
    this.rotate = options.rotateRefreshTokens;
  }

  issueCode(request: CodeRequest): string {
    const code = this.mint('code');
    this.codes.set(code, { ...request, expiresAt: this.now() + CODE_LIFETIME_MS, used: false });
    return code;
  }

  redeemCode(code: string, clientId: string, redirectUri: string, verifier: string): IssuedTokens {
    const record = this.codes.get(code);
    if (!record) throw new OAuthError('invalid_grant', 'Invalid authorization code');
    if (record.used) {
      if (record.family) record.family.revoked = true;
      throw new OAuthError('invalid_grant', 'Invalid authorization code');
    }
    // Any failed attempt burns the code, so a wrong verifier cannot be retried.
    record.used = true;
    if (record.expiresAt <= this.now()) {
      throw new OAuthError('invalid_grant', 'Authorization code expired');
    }
    if (record.clientId !== clientId) {
      throw new OAuthError('invalid_grant', 'Authorization code was issued to another client');
    }
    if (record.redirectUri !== redirectUri) {
      throw new OAuthError('invalid_grant', 'Invalid redirect URI');
    }
    if (!verifierMatches(verifier, record.codeChallenge)) {
      throw new OAuthError('invalid_grant', 'code_verifier was incorrect');
    }
    const family: Family = { revoked: false };
    record.family = family;
    const accessToken = this.issueAccess(record.grant, family);
    const refreshToken = this.issueRefresh(record.grant, family, clientId);
    return {
      accessToken,
      refreshToken,
      expiresIn: this.accessLifetimeSeconds,
      grant: record.grant,
    };
  }

  useRefreshToken(token: string, clientId: string): IssuedTokens {
    const record = this.refresh.get(token);
    if (!record || !record.valid || record.family.revoked) {
      throw new OAuthError('invalid_grant', 'Invalid refresh token');
    }
    if (record.clientId !== clientId) {
      throw new OAuthError('invalid_client', 'Invalid client');
    }
    const accessToken = this.issueAccess(record.grant, record.family);
    if (!this.rotate) {
      return { accessToken, expiresIn: this.accessLifetimeSeconds, grant: record.grant };
    }
    record.valid = false;
    const refreshToken = this.issueRefresh(record.grant, record.family, clientId);
    return {
      accessToken,
      refreshToken,
      expiresIn: this.accessLifetimeSeconds,
      grant: record.grant,
    };
  }

  checkAccess(token: string): AccessCheck {
    const record = this.access.get(token);
    if (!record) return { ok: false, reason: 'invalid' };
    if (record.family.revoked) return { ok: false, reason: 'revoked' };
    if (record.expired || record.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, grant: record.grant };
  }

  revokeAll(): void {
    for (const record of this.access.values()) record.family.revoked = true;
    for (const record of this.refresh.values()) record.valid = false;
    for (const record of this.codes.values()) record.used = true;
  }

  expireAccessTokens(): void {
    for (const record of this.access.values()) record.expired = true;
  }

  setAccessLifetime(seconds: number): void {
    this.accessLifetimeSeconds = seconds;
  }

  issuedTokens(): string[] {
    return [...this.issued];
  }

  private issueAccess(grant: Grant, family: Family): string {
    const token = this.mint('at');
    const expiresAt = this.now() + this.accessLifetimeSeconds * 1000;
    this.access.set(token, { grant, family, expiresAt, expired: false });
    return token;
  }

  private issueRefresh(grant: Grant, family: Family, clientId: string): string {
    const token = this.mint('rt');
    this.refresh.set(token, { grant, family, clientId, valid: true });
    return token;
  }

  private mint(kind: 'code' | 'at' | 'rt'): string {
    const value = `${this.prefix}-${kind}-${randomBytes(32).toString('base64url')}`;
    this.issued.push(value);
    return value;
  }
}
