import { DASHBOARD_URLS } from '../../protocol/provider-setup.js';
import { isAppUrl } from './app-origin.js';

/**
 * Where the window may go. It never navigates anywhere but its own bundle, never opens a second
 * Electron window, and hands two kinds of link to the person's browser: a provider's consent
 * page, where the UI's "Connect" button sends them, and the providers' developer dashboards,
 * where first-run setup sends them to register their own app.
 */

export type NavigationDecision = 'allow' | 'deny';

/** `will-navigate`, `will-redirect`, `will-frame-navigate`: only within the bundled UI. */
export function decideNavigation(url: string): NavigationDecision {
  return isAppUrl(url) ? 'allow' : 'deny';
}

export interface ConsentPage {
  /** A provider's authorization endpoint, e.g. `https://accounts.spotify.com/authorize`. */
  authorizeUrl: string;
  /**
   * True only for the local sandbox providers, whose consent page is plain HTTP on 127.0.0.1.
   * Any other consent page must be HTTPS.
   */
  loopbackHttpAllowed?: boolean;
}

export type WindowOpenDecision = { action: 'deny' } | { action: 'open-externally'; url: string };

/**
 * `setWindowOpenHandler`: never a new Electron window. A URL that is a configured provider's
 * consent page (same origin and path as its authorize endpoint, HTTPS, no credentials in it)
 * goes to the default browser; everything else is dropped.
 */
export function decideWindowOpen(
  url: string,
  consentPages: readonly ConsentPage[],
): WindowOpenDecision {
  const target = parse(url);
  if (!target || target.username || target.password) return { action: 'deny' };
  if (Object.values(DASHBOARD_URLS).includes(target.href)) {
    return { action: 'open-externally', url: target.href };
  }
  for (const page of consentPages) {
    const expected = parse(page.authorizeUrl);
    if (!expected) continue;
    if (target.origin !== expected.origin || target.pathname !== expected.pathname) continue;
    if (target.protocol === 'https:') return { action: 'open-externally', url: target.href };
    if (page.loopbackHttpAllowed && target.protocol === 'http:' && isLoopback(target.hostname)) {
      return { action: 'open-externally', url: target.href };
    }
  }
  return { action: 'deny' };
}

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === '[::1]' || hostname === 'localhost';
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
