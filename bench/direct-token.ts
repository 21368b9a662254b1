import { startLogin } from '../electron/host/auth/login-flow.js';
import { secureFetch } from '../electron/host/http/secure-fetch.js';
import { spotifyProvider } from '../electron/host/providers/spotify/spotify-provider.js';
import type { Sandbox } from '../tests/helpers/test-host.js';

/**
 * A Spotify access token of the bench's own, from a second login at the sandbox, so the same
 * requests can be sent straight to the API to compare with going through TuneBridge.
 */
export async function directAccessToken(spotify: Sandbox['spotify']): Promise<string> {
  const oauth = spotifyProvider({
    clientId: spotify.clientId,
    authorizeUrl: spotify.authorizeUrl,
    tokenUrl: spotify.tokenUrl,
    apiBaseUrl: spotify.apiBaseUrl,
    redirectPort: 0,
  }).oauth;
  const flow = await startLogin(oauth, secureFetch);
  await spotify.approve(flow.authorizationUrl);
  return (await flow.done).accessToken;
}

/** How long `action` took, in milliseconds. */
export async function time(action: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - started) / 1e6;
}
