import type { ProviderFetch } from '../http/secure-fetch.js';
import type { TokenSet } from '../vault/token-set.js';
import type { OAuthProviderConfig } from './oauth-client.js';

/**
 * Asks the provider to revoke the tokens (RFC 7009) when it offers an endpoint. Best effort: a
 * logout must never fail because the provider is unreachable; the caller erases our copy anyway
 * and tells the person where to remove the app's access by hand.
 */
export async function revokeAtProvider(
  config: OAuthProviderConfig,
  tokens: TokenSet,
  fetch: ProviderFetch,
): Promise<'revoked' | 'not-offered' | 'failed'> {
  if (!config.revokeUrl) return 'not-offered';
  const hints: Array<[string, string | undefined]> = [
    ['refresh_token', tokens.refreshToken],
    ['access_token', tokens.accessToken],
  ];
  let allRevoked = true;
  for (const [hint, token] of hints) {
    if (!token) continue;
    try {
      const response = await fetch(config.revokeUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, token_type_hint: hint, client_id: config.clientId }),
      });
      await response.body?.cancel();
      if (!response.ok) allRevoked = false;
    } catch {
      allRevoked = false;
    }
  }
  return allRevoked ? 'revoked' : 'failed';
}
