import * as z from 'zod';
import { PROVIDER_NAMES, type ProviderId } from '../../../protocol/providers.js';
import type { ProviderFetch } from '../http/secure-fetch.js';
import type { TokenSet } from '../vault/token-set.js';
import { OAuthError, oauthError, safeOAuthCode, type OAuthErrorContext } from './oauth-error.js';

/** How to log in to one provider: a public client using PKCE, so there is no client secret. */
export interface OAuthProviderConfig {
  provider: ProviderId;
  clientId: string;
  authorizeUrl: string;
  tokenUrl: string;
  scopes: string[];
  /** 0 lets the OS pick; providers that match redirect URIs exactly need the registered port. */
  redirectPort: number;
  revokeUrl?: string;
}

export interface AuthorizationRequest {
  redirectUri: string;
  state: string;
  codeChallenge: string;
}

export function buildAuthorizationUrl(
  config: OAuthProviderConfig,
  request: AuthorizationRequest,
): string {
  const url = new URL(config.authorizeUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('scope', config.scopes.join(' '));
  url.searchParams.set('state', request.state);
  url.searchParams.set('code_challenge', request.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

export interface CodeExchange {
  code: string;
  redirectUri: string;
  codeVerifier: string;
}

/** Trades the login code for tokens (RFC 6749 §4.1.3 with the RFC 7636 verifier). */
export async function exchangeCode(
  config: OAuthProviderConfig,
  exchange: CodeExchange,
  fetch: ProviderFetch,
  now: () => number = Date.now,
): Promise<TokenSet> {
  const answer = await postTokenRequest(
    config,
    {
      grant_type: 'authorization_code',
      code: exchange.code,
      redirect_uri: exchange.redirectUri,
      code_verifier: exchange.codeVerifier,
    },
    fetch,
  );
  return toTokenSet(answer, undefined, config.scopes, Math.floor(now()));
}

/**
 * Uses a refresh token (RFC 6749 §6). Providers that rotate send a new refresh token, which the
 * caller must store before using the access token; those that don't leave the old one valid.
 */
export async function refreshTokens(
  config: OAuthProviderConfig,
  refreshToken: string,
  previousScopes: string[],
  fetch: ProviderFetch,
  now: () => number = Date.now,
): Promise<TokenSet> {
  const answer = await postTokenRequest(
    config,
    { grant_type: 'refresh_token', refresh_token: refreshToken },
    fetch,
  );
  return toTokenSet(answer, refreshToken, previousScopes, Math.floor(now()));
}

const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().min(1).optional(),
  expires_in: z.number().nonnegative().optional(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});
type TokenResponse = z.infer<typeof TokenResponse>;

const TokenErrorResponse = z.object({ error: z.unknown() });

/** When a provider leaves out expires_in, assume the common hour rather than "never". */
const DEFAULT_EXPIRES_IN_SECONDS = 3600;
/** Token answers are a few hundred bytes; anything far larger is not one. */
const MAX_TOKEN_RESPONSE_CHARS = 64 * 1024;

async function postTokenRequest(
  config: OAuthProviderConfig,
  params: Record<string, string>,
  fetch: ProviderFetch,
): Promise<TokenResponse> {
  const context: OAuthErrorContext = {
    providerName: PROVIDER_NAMES[config.provider],
    grant: params.grant_type === 'authorization_code' ? 'authorization_code' : 'refresh_token',
  };
  let response: Response;
  try {
    response = await fetch(config.tokenUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: new URLSearchParams({ ...params, client_id: config.clientId }).toString(),
    });
  } catch (error) {
    throw oauthError('token_endpoint_failed', context, { cause: error });
  }

  const body = await readJson(response);
  if (!response.ok) {
    const parsed = TokenErrorResponse.safeParse(body);
    const providerCode = parsed.success ? safeOAuthCode(parsed.data.error) : undefined;
    if (providerCode === 'invalid_grant' && (response.status === 400 || response.status === 401)) {
      throw oauthError('invalid_grant', context);
    }
    // The status and the provider's error code only: the body may echo what we sent.
    throw oauthError('token_endpoint_failed', {
      ...context,
      httpStatus: response.status,
      providerCode,
    });
  }
  const parsed = TokenResponse.safeParse(body);
  if (!parsed.success) {
    // Never the zod issues: they can quote the values they rejected.
    throw new OAuthError(
      'token_endpoint_failed',
      `${context.providerName}'s login server answered with something TuneBridge could not read as tokens. Try again; if it keeps happening, check the ${context.providerName} token URL in TuneBridge's settings.`,
    );
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
  if (text.length > MAX_TOKEN_RESPONSE_CHARS) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toTokenSet(
  answer: TokenResponse,
  previousRefreshToken: string | undefined,
  fallbackScopes: string[],
  obtainedAt: number,
): TokenSet {
  const expiresIn = answer.expires_in ?? DEFAULT_EXPIRES_IN_SECONDS;
  const scopes = answer.scope?.split(/\s+/).filter((scope) => scope !== '');
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token ?? previousRefreshToken,
    tokenType: answer.token_type ?? 'Bearer',
    expiresAt: obtainedAt + Math.floor(expiresIn * 1000),
    obtainedAt,
    scopes: answer.scope === undefined ? [...fallbackScopes] : (scopes ?? []),
  };
}
