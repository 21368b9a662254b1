import type { SecurityOverview } from '../../protocol/security.js';
import { send, type HostClient } from '../host-client.js';

let preloaded: SecurityOverview | undefined;

/**
 * Asks for the figures before React renders anything when the window opens on Security, so the
 * first render already draws the charts. Resolves when they are in (or the request failed).
 */
export async function preloadSecurity(client: HostClient): Promise<void> {
  try {
    const answer = await send(client, { op: 'security.overview' });
    preloaded = answer.overview;
  } catch {
    // The view asks again and shows the error.
  }
}

/** The preloaded figures, handed out once. */
export function takePreloadedSecurity(): SecurityOverview | undefined {
  const overview = preloaded;
  preloaded = undefined;
  return overview;
}
