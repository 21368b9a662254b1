import { PROVIDER_NAMES } from '../../../protocol/providers.js';
import type { ProviderFetch } from '../http/secure-fetch.js';
import type { TokenSet } from '../vault/token-set.js';
import { startLoopbackServer } from './loopback-server.js';
import { buildAuthorizationUrl, exchangeCode, type OAuthProviderConfig } from './oauth-client.js';
import { oauthError } from './oauth-error.js';
import { codeChallengeS256, createCodeVerifier, createState } from './pkce.js';

export interface LoginFlowOptions {
  /** How long the person has to approve in the browser; five minutes unless set. */
  timeoutMs?: number;
}

export interface LoginFlow {
  /** Open this in the person's browser. */
  authorizationUrl: string;
  redirectUri: string;
  /** The new tokens, or an OAuthError saying what went wrong. Not yet stored anywhere. */
  done: Promise<TokenSet>;
  cancel(): void;
}

/**
 * One authorization-code + PKCE login: the verifier and state stay in this closure, the browser
 * only ever sees the challenge, and the loopback listener is closed however the login ends.
 */
export async function startLogin(
  config: OAuthProviderConfig,
  fetch: ProviderFetch,
  options: LoginFlowOptions = {},
): Promise<LoginFlow> {
  const providerName = PROVIDER_NAMES[config.provider];
  const codeVerifier = createCodeVerifier();
  const state = createState();
  const server = await startLoopbackServer({
    port: config.redirectPort,
    expectedState: state,
    timeoutMs: options.timeoutMs,
    providerName,
  });
  const authorizationUrl = buildAuthorizationUrl(config, {
    redirectUri: server.redirectUri,
    state,
    codeChallenge: codeChallengeS256(codeVerifier),
  });

  // Cancelling must also stop a code exchange already on the wire.
  const abort = new AbortController();
  const abortableFetch: ProviderFetch = (url, init) =>
    fetch(url, {
      ...init,
      signal: init?.signal ? AbortSignal.any([init.signal, abort.signal]) : abort.signal,
    });

  const done = (async () => {
    try {
      const { code } = await server.result;
      return await exchangeCode(
        config,
        { code, redirectUri: server.redirectUri, codeVerifier },
        abortableFetch,
      );
    } catch (error) {
      if (abort.signal.aborted) throw oauthError('cancelled', { providerName }, { cause: error });
      throw error;
    } finally {
      await server.close();
    }
  })();
  // The caller may stop listening; an unobserved failure must not bring the host down.
  done.catch(() => undefined);

  return {
    authorizationUrl,
    redirectUri: server.redirectUri,
    done,
    cancel() {
      abort.abort();
      void server.close();
    },
  };
}
