import type { TokenRequestCounts } from '../types.js';
import { OAuthError } from './oauth-error.js';
import type { Grant, IssuedTokens, TokenStore } from './token-store.js';

export interface TokenEndpointConfig {
  clientId: string;
  tokens: TokenStore;
  /** Provider extras in a token response, such as TIDAL's `user_id`. */
  extraFields?: (grant: Grant) => Record<string, string | number>;
}

export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

/**
 * `POST` to the token endpoint for a public (PKCE) client: `client_id` in the form and no
 * secret. Refusals are OAuth JSON with status 400, as both providers send them.
 */
export class TokenEndpoint {
  private readonly counts: TokenRequestCounts = { authorization_code: 0, refresh_token: 0 };

  constructor(private readonly config: TokenEndpointConfig) {}

  handle(contentType: string | undefined, form: Record<string, string>): TokenResponse {
    try {
      return { status: 200, body: this.grant(contentType, form) };
    } catch (error) {
      if (error instanceof OAuthError) return { status: 400, body: error.toJson() };
      throw error;
    }
  }

  requestCounts(): TokenRequestCounts {
    return { ...this.counts };
  }

  private grant(
    contentType: string | undefined,
    form: Record<string, string>,
  ): Record<string, unknown> {
    const grantType = form.grant_type;
    if (grantType === 'authorization_code' || grantType === 'refresh_token') {
      this.counts[grantType] += 1;
    }
    if (!contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      throw new OAuthError(
        'invalid_request',
        'Content-Type must be application/x-www-form-urlencoded',
      );
    }
    if (!grantType) throw new OAuthError('invalid_request', 'grant_type must be provided');
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
      throw new OAuthError(
        'unsupported_grant_type',
        `grant_type must be authorization_code or refresh_token`,
      );
    }
    if (!form.client_id) throw new OAuthError('invalid_request', 'client_id must be provided');
    if (form.client_id !== this.config.clientId)
      throw new OAuthError('invalid_client', 'Invalid client');
    if (form.client_secret !== undefined) {
      // The sandbox app is registered as a public client; a secret means the app is confused.
      throw new OAuthError('invalid_client', 'This client has no secret; use PKCE');
    }

    let issued: IssuedTokens;
    if (grantType === 'authorization_code') {
      const { code, redirect_uri: redirectUri, code_verifier: verifier } = form;
      if (!code) throw new OAuthError('invalid_request', 'code must be provided');
      if (!redirectUri) throw new OAuthError('invalid_request', 'redirect_uri must be provided');
      if (!verifier) throw new OAuthError('invalid_request', 'code_verifier must be provided');
      issued = this.config.tokens.redeemCode(code, form.client_id, redirectUri, verifier);
    } else {
      if (!form.refresh_token)
        throw new OAuthError('invalid_request', 'refresh_token must be provided');
      issued = this.config.tokens.useRefreshToken(form.refresh_token, form.client_id);
    }
    return {
      access_token: issued.accessToken,
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      ...(issued.refreshToken ? { refresh_token: issued.refreshToken } : {}),
      scope: issued.grant.scopes.join(' '),
      ...(this.config.extraFields?.(issued.grant) ?? {}),
    };
  }
}
