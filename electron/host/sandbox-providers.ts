import { createServer } from 'node:net';
import type { ProviderId } from '../../protocol/providers.js';
import type { ProviderEndpoints } from './providers/provider-runtime.js';
import { startSandbox } from '../../sandbox/index.js';

export interface RunningSandbox {
  providers: Record<ProviderId, ProviderEndpoints>;
  close(): Promise<void>;
}

/**
 * Starts the local Spotify- and TIDAL-compatible servers and points the providers at them, so the
 * whole product can be tried without an account. TIDAL matches redirect URIs exactly, so its
 * loopback port is chosen here and registered with the sandbox, as a person would in TIDAL's
 * dashboard.
 */
export async function startSandboxProviders(): Promise<RunningSandbox> {
  const tidalRedirectPort = await freePort();
  const sandbox = await startSandbox({
    registeredRedirectUris: { tidal: [`http://127.0.0.1:${tidalRedirectPort}/callback`] },
  });
  const endpoints = (provider: ProviderId, redirectPort: number): ProviderEndpoints => ({
    clientId: sandbox[provider].clientId,
    authorizeUrl: sandbox[provider].authorizeUrl,
    tokenUrl: sandbox[provider].tokenUrl,
    apiBaseUrl: sandbox[provider].apiBaseUrl,
    redirectPort,
  });
  return {
    providers: { spotify: endpoints('spotify', 0), tidal: endpoints('tidal', tidalRedirectPort) },
    close: () => sandbox.close(),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
