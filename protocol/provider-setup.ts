import type { ProviderId } from './providers.js';

/**
 * Bringing your own app: what each provider's developer dashboard needs, and the rules a client
 * ID and redirect port must meet. Plain functions without zod, so the window checks with exactly
 * the rules the host enforces (`HostController.configureProvider`), and its bundle stays free of zod.
 */

/** TIDAL matches redirect URIs exactly, so its port is fixed; this one unless the person picks. */
export const DEFAULT_TIDAL_REDIRECT_PORT = 8765;

export const DASHBOARD_URLS: Record<ProviderId, string> = {
  spotify: 'https://developer.spotify.com/dashboard',
  tidal: 'https://developer.tidal.com/dashboard',
};

const NAMES: Record<ProviderId, string> = { spotify: 'Spotify', tidal: 'TIDAL' };

const CLIENT_ID_RULES: Record<ProviderId, { pattern: RegExp; description: string }> = {
  spotify: {
    pattern: /^[0-9a-f]{32}$/,
    description: '32 characters, digits 0–9 and letters a–f',
  },
  tidal: {
    pattern: /^[A-Za-z0-9]{8,64}$/,
    description: '8 to 64 letters and digits',
  },
};

/** The redirect URI to register in the provider's dashboard, character for character. */
export function setupRedirectUri(provider: ProviderId, port?: number): string {
  // Spotify accepts any port on a loopback redirect (RFC 8252), so its URI is registered without one.
  if (provider === 'spotify') return 'http://127.0.0.1/callback';
  return `http://127.0.0.1:${port ?? DEFAULT_TIDAL_REDIRECT_PORT}/callback`;
}

/** What the person should know while registering the redirect URI. */
export function setupNote(provider: ProviderId): string {
  return provider === 'spotify'
    ? 'Register it exactly as shown, without a port: Spotify accepts any port on 127.0.0.1 for apps on your computer (RFC 8252), and TuneBridge picks a free one at each login.'
    : 'Register it exactly as shown, port included: TIDAL only accepts the exact address, so TuneBridge always listens on this port when you log in.';
}

/** Why this client ID can't be right, in words for the person; undefined when it looks right. */
export function clientIdProblem(provider: ProviderId, clientId: string): string | undefined {
  const name = NAMES[provider];
  const rule = CLIENT_ID_RULES[provider];
  const value = clientId.trim();
  if (!value) return `Paste the Client ID from your app’s page in the ${name} developer dashboard.`;
  if (rule.pattern.test(value)) return undefined;
  const hint =
    provider === 'spotify' && /^[0-9A-Fa-f]{32}$/.test(value)
      ? ' Use lowercase letters, as the dashboard shows it.'
      : ' Copy the Client ID (not the Client Secret) from your app’s page in the dashboard.';
  return `That is not a ${name} client ID: it should be ${rule.description}.${hint}`;
}

/** Why this redirect port can't be used; undefined when it can. */
export function redirectPortProblem(port: number): string | undefined {
  if (Number.isInteger(port) && port >= 1024 && port <= 65_535) return undefined;
  return 'The redirect port must be a whole number from 1024 to 65535 (the default is 8765).';
}
