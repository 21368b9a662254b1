import { AccountStore } from './accounts/index.js';
import { sandboxCatalog } from './catalog/index.js';
import { exactRedirectPolicy, loopbackOrExactRedirectPolicy } from './oauth/redirect-policy.js';
import { findSampleQuery } from './search/sample-query.js';
import { startProviderServer } from './server/provider-server.js';
import { SpotifyApi } from './spotify/api.js';
import { TidalApi } from './tidal/api.js';
import { registerTidalControls } from './tidal/controls.js';
import type { Sandbox, SandboxOptions, SpotifyRateLimit, SpotifySandbox } from './types.js';

export { SandboxAuthorizationError } from './server/provider-server.js';
export type {
  Fault,
  FaultStatus,
  ProviderSandbox,
  RandomFaults,
  RecordedRequest,
  Sandbox,
  SandboxOptions,
  SandboxProvider,
  SpotifyRateLimit,
  SpotifySandbox,
  TokenRequestCounts,
} from './types.js';
export type { AccountState, PersonKey } from './accounts/index.js';
export { tidalControls, type TidalControls } from './tidal/controls.js';

export const SANDBOX_CLIENT_IDS = {
  spotify: 'tunebridge-sandbox-spotify',
  tidal: 'tunebridge-sandbox-tidal',
} as const;
const DEFAULT_REDIRECT_URIS = ['http://127.0.0.1:8765/callback'];

/**
 * Starts local stand-ins for Spotify and TIDAL on 127.0.0.1, one server each on an ephemeral
 * port, serving the seeded catalog with the providers' OAuth flows and API shapes.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const catalog = sandboxCatalog(undefined, options.catalogRecordings);
  const lifetime = options.accessTokenLifetimeSeconds ?? 3600;
  const spotifyStore = new AccountStore(catalog);
  // Made once the server listens (its hrefs need the port); kept for `setGating`.
  const late: { spotifyApi?: SpotifyApi; tidalApi?: TidalApi } = {};
  const tidalStore = new AccountStore(catalog);

  const spotify = await startProviderServer({
    provider: 'spotify',
    serviceName: 'Spotify',
    clientId: SANDBOX_CLIENT_IDS.spotify,
    tokenPath: '/api/token',
    apiPrefix: '/v1/',
    redirectPolicy: loopbackOrExactRedirectPolicy(
      options.registeredRedirectUris?.spotify ?? DEFAULT_REDIRECT_URIS,
    ),
    accessTokenLifetimeSeconds: lifetime,
    rotateRefreshTokens: options.rotateRefreshTokens?.spotify ?? true,
    withheldScopes: options.withheldScopes?.spotify,
    store: spotifyStore,
    sampleQuery: findSampleQuery(spotifyStore),
    makeApi: (apiBaseUrl) => {
      late.spotifyApi = new SpotifyApi(spotifyStore, apiBaseUrl, {
        gating: options.spotifyGating ?? true,
      });
      return late.spotifyApi;
    },
  });
  const tidal = await startProviderServer({
    provider: 'tidal',
    serviceName: 'TIDAL',
    clientId: SANDBOX_CLIENT_IDS.tidal,
    tokenPath: '/v1/oauth2/token',
    apiPrefix: '/v2/',
    redirectPolicy: exactRedirectPolicy(
      options.registeredRedirectUris?.tidal ?? DEFAULT_REDIRECT_URIS,
    ),
    accessTokenLifetimeSeconds: lifetime,
    rotateRefreshTokens: options.rotateRefreshTokens?.tidal ?? false,
    withheldScopes: options.withheldScopes?.tidal,
    store: tidalStore,
    sampleQuery: findSampleQuery(tidalStore),
    makeApi: () => {
      late.tidalApi = new TidalApi(tidalStore);
      return late.tidalApi;
    },
    tokenExtras: (grant) => ({ user_id: TidalApi.userId(grant.person) }),
  }).catch(async (error: unknown) => {
    await spotify.close();
    throw error;
  });

  if (late.tidalApi) registerTidalControls(tidal.sandbox, late.tidalApi);
  const spotifySandbox: SpotifySandbox = Object.assign(spotify.sandbox, {
    setGating: (on: boolean) => late.spotifyApi?.setGating(on),
    setRateLimit: (limit: SpotifyRateLimit | undefined) => late.spotifyApi?.setRateLimit(limit),
  });
  return {
    spotify: spotifySandbox,
    tidal: tidal.sandbox,
    close: async () => {
      await Promise.all([spotify.close(), tidal.close()]);
    },
  };
}
