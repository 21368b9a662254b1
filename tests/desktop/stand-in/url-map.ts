/**
 * Chromium driven by Playwright cannot load a custom scheme, so each page-visible `app://host/…`
 * URL is carried as `https://host.app-scheme.invalid/…` (a name that never resolves; every such
 * request is answered by page routing from the registered protocol handler) and mapped back
 * wherever the shell can see a URL: `getURL()`, `senderFrame.url`, navigation events. Both are
 * secure origins, so CSP `'self'` and secure-context APIs behave the same.
 */
const SUFFIX = '.app-scheme.invalid';

export function toPageUrl(url: string, schemes: ReadonlySet<string>): string {
  const parsed = parseUrl(url);
  if (!parsed || !schemes.has(parsed.protocol.slice(0, -1))) return url;
  const scheme = parsed.protocol.slice(0, -1);
  return `https://${parsed.host}.${scheme}${SUFFIX}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

export function toShellUrl(url: string): string {
  // A Blob URL carries the origin of the page that made it.
  if (url.startsWith('blob:')) return `blob:${toShellUrl(url.slice('blob:'.length))}`;
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https:' || !parsed.hostname.endsWith(SUFFIX)) return url;
  const name = parsed.hostname.slice(0, -SUFFIX.length);
  const dot = name.lastIndexOf('.');
  if (dot < 0) return url;
  const host = name.slice(0, dot);
  const scheme = name.slice(dot + 1);
  return `${scheme}://${host}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

export function isMappedPageUrl(url: string): boolean {
  return parseUrl(url)?.hostname.endsWith(SUFFIX) ?? false;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
