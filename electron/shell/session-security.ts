import { app, shell, type Session, type WebContents } from 'electron';
import { withSecurityHeaders } from './csp.js';
import { decideNavigation, decideWindowOpen, type ConsentPage } from './navigation-policy.js';
import { decidePermission } from './permission-policy.js';
import { decideDownload, saveDialogFor } from './download-policy.js';

/**
 * Locks down the window's session: our CSP and security headers on every response, and every
 * permission (camera, notifications, USB, screen capture, …) refused without asking, except
 * the clipboard write our own window's Copy buttons need (`permission-policy.ts`). Downloads
 * come only from our own page's Blobs, through a save dialog (`download-policy.ts`).
 */
export function hardenSession(session: Session, ourWebContents: () => ReadonlySet<number>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((webContents, permission, callback, details) =>
    callback(
      decidePermission({
        permission,
        ourWindow: ourWebContents().has(webContents.id),
        isMainFrame: details.isMainFrame,
        requestingUrl: details.requestingUrl,
      }),
    ),
  );
  session.setPermissionCheckHandler((webContents, permission, _origin, details) =>
    decidePermission({
      permission,
      ourWindow: webContents !== null && ourWebContents().has(webContents.id),
      isMainFrame: details.isMainFrame,
      requestingUrl: details.requestingUrl,
    }),
  );
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  session.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }));
  session.on('will-download', (event, item, webContents) => {
    if (decideDownload(item.getURL()) === 'deny' || !ourWebContents().has(webContents.id)) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions(saveDialogFor(item.getFilename(), app.getPath('downloads')));
  });
}

/**
 * Applies to every web contents the app ever creates, not just the main window: no navigation
 * away from the bundled UI, no new windows, no <webview>. A provider consent URL opened by the
 * UI ("Connect Spotify") goes to the person's default browser instead.
 */
export function hardenAllWebContents(consentPages: () => readonly ConsentPage[]): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    const refuseNavigation = (event: { preventDefault(): void }, url: string) => {
      if (decideNavigation(url) === 'deny') event.preventDefault();
    };
    contents.on('will-navigate', refuseNavigation);
    contents.on('will-redirect', refuseNavigation);
    contents.on('will-frame-navigate', (event) => refuseNavigation(event, event.url));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url, consentPages());
      // Only a configured provider's consent page (HTTPS, or the local sandbox's) gets here.
      if (decision.action === 'open-externally') void shell.openExternal(decision.url);
      return { action: 'deny' };
    });
  });
}
