/**
 * Which redirect URIs an authorization request may name. Both providers compare against the
 * app's registered list; Spotify also lets a loopback IP literal use any port (RFC 8252 §7.3),
 * which is what a desktop app's one-shot callback listener needs. TIDAL does not.
 */
export interface RedirectPolicy {
  allows(redirectUri: string): boolean;
}

export function exactRedirectPolicy(registered: readonly string[]): RedirectPolicy {
  const allowed = new Set(registered);
  return { allows: (uri) => allowed.has(uri) };
}

export function loopbackOrExactRedirectPolicy(registered: readonly string[]): RedirectPolicy {
  const exact = exactRedirectPolicy(registered);
  return {
    allows(uri) {
      if (exact.allows(uri)) return true;
      let url: URL;
      try {
        url = new URL(uri);
      } catch {
        return false;
      }
      // `localhost` is refused on purpose: Spotify requires the IP literal since 2025.
      return (
        url.protocol === 'http:' &&
        (url.hostname === '127.0.0.1' || url.hostname === '[::1]') &&
        url.username === '' &&
        url.password === '' &&
        url.hash === ''
      );
    },
  };
}
