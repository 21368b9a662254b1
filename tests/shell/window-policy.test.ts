import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  withSecurityHeaders,
} from '../../electron/shell/csp.js';
import { decideNavigation, decideWindowOpen } from '../../electron/shell/navigation-policy.js';
import { createMainWindow, type MainWindowOptions } from '../../electron/shell/window-options.js';

/** Stands in for Electron's BrowserWindow and keeps the options it was given. */
class FakeWindow {
  constructor(readonly options: MainWindowOptions) {}
}

describe('main window options', () => {
  const { options } = createMainWindow(FakeWindow, {
    preloadPath: '/app/dist/electron/preload.cjs',
    devTools: false,
    dark: false,
  });

  it('turns on every isolation and turns off every Node door', () => {
    const web = options.webPreferences;
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.disableBlinkFeatures).toContain('Auxclick');
    expect(web).not.toHaveProperty('enableBlinkFeatures');
    expect(web.preload).toBe('/app/dist/electron/preload.cjs');
    expect(web.devTools).toBe(false);
  });

  it('stays hidden until ready to show', () => {
    expect(options.show).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('starts from nothing and allows only our own files', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('has no inline script, eval or remote source anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe|https?:|\*/);
  });

  it('replaces a response’s own CSP header, whatever its case', () => {
    const headers = withSecurityHeaders({
      'content-security-policy': ["default-src *; script-src 'unsafe-inline'"],
      'Content-Type': ['text/html'],
      'x-content-type-options': 'sniff',
    });
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['x-content-type-options']).toBeUndefined();
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(Object.keys(withSecurityHeaders(undefined)).sort()).toEqual(
      Object.keys(SECURITY_HEADERS).sort(),
    );
  });
});

describe('navigation and window.open', () => {
  it('lets the window move only within the bundled UI', () => {
    expect(decideNavigation('app://tunebridge/index.html')).toBe('allow');
    expect(decideNavigation('app://tunebridge/index.html#/activity')).toBe('allow');
    for (const url of [
      'https://accounts.spotify.com/authorize',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://other/index.html',
      'javascript:alert(1)',
      'about:blank',
    ]) {
      expect(decideNavigation(url), url).toBe('deny');
    }
  });

  const consent = [
    { authorizeUrl: 'https://accounts.spotify.com/authorize' },
    { authorizeUrl: 'https://login.tidal.com/authorize' },
  ];

  it('hands a provider consent page to the browser', () => {
    const url = 'https://accounts.spotify.com/authorize?client_id=abc&code_challenge=xyz';
    expect(decideWindowOpen(url, consent)).toEqual({ action: 'open-externally', url });
  });

  it('hands the providers’ developer dashboards to the browser, for first-run setup', () => {
    for (const url of [
      'https://developer.spotify.com/dashboard',
      'https://developer.tidal.com/dashboard',
    ]) {
      expect(decideWindowOpen(url, consent)).toEqual({ action: 'open-externally', url });
    }
  });

  it.each([
    ['another page on a dashboard host', 'https://developer.spotify.com/dashboard/../login?next=x'],
    ['another page on the provider', 'https://accounts.spotify.com/logout'],
    ['another site', 'https://evil.example/authorize'],
    ['a lookalike host', 'https://accounts.spotify.com.evil.example/authorize'],
    ['plain http', 'http://accounts.spotify.com/authorize'],
    ['credentials in the URL', 'https://user:pw@accounts.spotify.com/authorize'],
    ['a file', 'file:///etc/passwd'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['our own UI', 'app://tunebridge/index.html'],
    ['garbage', '::::'],
  ])('drops %s', (_name, url) => {
    expect(decideWindowOpen(url, consent)).toEqual({ action: 'deny' });
  });

  it('allows the local sandbox’s http consent page only when told so, and only on loopback', () => {
    const sandbox = [
      { authorizeUrl: 'http://127.0.0.1:4000/authorize', loopbackHttpAllowed: true },
    ];
    expect(decideWindowOpen('http://127.0.0.1:4000/authorize?x=1', sandbox).action).toBe(
      'open-externally',
    );
    expect(
      decideWindowOpen('http://127.0.0.1:4000/authorize', [
        { authorizeUrl: 'http://127.0.0.1:4000/authorize' },
      ]),
    ).toEqual({ action: 'deny' });
    expect(
      decideWindowOpen('http://10.0.0.1:4000/authorize', [
        { authorizeUrl: 'http://10.0.0.1:4000/authorize', loopbackHttpAllowed: true },
      ]),
    ).toEqual({ action: 'deny' });
  });
});
