import { randomBytes } from 'node:crypto';
import type { PersonKey, SandboxPerson } from '../accounts/index.js';
import type { SandboxProvider } from '../types.js';
import type { OAuthErrorCode } from './oauth-error.js';
import { isS256Challenge } from './pkce.js';
import type { RedirectPolicy } from './redirect-policy.js';
import { SCOPES, parseScopes } from './scopes.js';
import type { TokenStore } from './token-store.js';

/** A consent page left open longer than this has to be started again. */
const PENDING_LIFETIME_MS = 10 * 60 * 1000;

export type AuthorizationStep =
  /** The client or redirect URI is wrong: say so on the page, never redirect. */
  | { kind: 'error-page'; message: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'consent'; pendingId: string; scopes: string[]; redirectUri: string };

export type Decision = 'approve' | 'deny';

interface PendingRequest {
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  scopes: string[];
  expiresAt: number;
}

export interface AuthorizationServerConfig {
  provider: SandboxProvider;
  clientId: string;
  redirectPolicy: RedirectPolicy;
  tokens: TokenStore;
  people: readonly SandboxPerson[];
  /** Scopes granted less than asked for. */
  withheldScopes?: readonly string[];
}

/**
 * The `/authorize` half of the authorization-code flow with PKCE: checks a request, holds it
 * while the person decides, and turns the decision into the redirect back to the app.
 */
export class AuthorizationServer {
  private readonly pending = new Map<string, PendingRequest>();

  constructor(
    private readonly config: AuthorizationServerConfig,
    private readonly now: () => number = Date.now,
  ) {}

  begin(params: URLSearchParams): AuthorizationStep {
    const clientId = params.get('client_id');
    if (clientId !== this.config.clientId) {
      return { kind: 'error-page', message: 'INVALID_CLIENT: Invalid client' };
    }
    const redirectUri = params.get('redirect_uri');
    if (!redirectUri || !this.config.redirectPolicy.allows(redirectUri)) {
      return { kind: 'error-page', message: 'INVALID_CLIENT: Invalid redirect URI' };
    }
    const state = params.get('state') ?? undefined;
    const refuse = (error: OAuthErrorCode, description: string): AuthorizationStep => ({
      kind: 'redirect',
      location: withQuery(redirectUri, { error, error_description: description, state }),
    });
    if (params.get('response_type') !== 'code') {
      return refuse('unsupported_response_type', 'response_type must be code');
    }
    const codeChallenge = params.get('code_challenge') ?? '';
    if (params.get('code_challenge_method') !== 'S256' || !isS256Challenge(codeChallenge)) {
      return refuse(
        'invalid_request',
        'code_challenge with code_challenge_method=S256 is required',
      );
    }
    const scopes = parseScopes(params.get('scope') ?? undefined);
    const known = SCOPES[this.config.provider];
    const unknown = scopes.filter((scope) => !Object.hasOwn(known, scope));
    if (unknown.length > 0) return refuse('invalid_scope', `Unknown scope: ${unknown.join(' ')}`);

    this.dropExpired();
    const pendingId = randomBytes(24).toString('base64url');
    this.pending.set(pendingId, {
      redirectUri,
      state,
      codeChallenge,
      scopes,
      expiresAt: this.now() + PENDING_LIFETIME_MS,
    });
    return { kind: 'consent', pendingId, scopes, redirectUri };
  }

  /** Each pending request can be decided once. */
  decide(pendingId: string, decision: Decision, person: string | undefined): AuthorizationStep {
    const request = this.pending.get(pendingId);
    this.pending.delete(pendingId);
    if (!request || request.expiresAt <= this.now()) {
      return {
        kind: 'error-page',
        message: 'This sign-in request has expired. Start again from the app.',
      };
    }
    if (decision === 'deny') {
      return {
        kind: 'redirect',
        location: withQuery(request.redirectUri, { error: 'access_denied', state: request.state }),
      };
    }
    const chosen = this.config.people.find((candidate) => candidate.key === person);
    const personKey: PersonKey = chosen?.key ?? this.config.people[0]?.key ?? 'listener';
    const code = this.config.tokens.issueCode({
      clientId: this.config.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      grant: {
        person: personKey,
        scopes: request.scopes.filter((scope) => !this.config.withheldScopes?.includes(scope)),
      },
    });
    return {
      kind: 'redirect',
      location: withQuery(request.redirectUri, { code, state: request.state }),
    };
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [id, request] of this.pending) if (request.expiresAt <= now) this.pending.delete(id);
  }
}

/** Adds parameters to a URI that may already carry a query; undefined values are left out. */
function withQuery(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}
