/**
 * `session.defaultSession` and `protocol`: the handlers the shell installs are kept and consulted
 * by the page plumbing (browser-window.ts), which is what makes them matter: a refused permission
 * is refused in the page, a protocol handler's response is what the page receives.
 */
export type PermissionRequestHandler = (
  webContents: { id: number },
  permission: string,
  callback: (granted: boolean) => void,
  details: { isMainFrame: boolean; requestingUrl: string },
) => void;

export type PermissionCheckHandler = (
  webContents: { id: number } | null,
  permission: string,
  requestingOrigin: string,
  details: { isMainFrame: boolean; requestingUrl: string },
) => boolean;

export type HeadersListener = (
  details: { url: string; responseHeaders: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;

export class SessionStandIn {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  headersListener: HeadersListener | null = null;
  readonly recorded = new Set<string>();

  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
  // Devices, display capture and Bluetooth have no way in from the page here; recorded only.
  setDevicePermissionHandler(): void {
    this.recorded.add('device');
  }
  setDisplayMediaRequestHandler(): void {
    this.recorded.add('display-media');
  }
  setBluetoothPairingHandler(): void {
    this.recorded.add('bluetooth');
  }

  /**
   * Chromium asks the request handler; with none set, Electron grants. Promise form for the page
   * plumbing.
   */
  requestPermission(
    contents: { id: number },
    permission: string,
    details: { isMainFrame: boolean; requestingUrl: string },
  ): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, permission, resolve, details));
  }

  /** Electron runs response headers through `onHeadersReceived`; its answer replaces them. */
  filterHeaders(url: string, headers: Record<string, string[]>): Promise<Record<string, string[]>> {
    const listener = this.headersListener;
    if (!listener) return Promise.resolve(headers);
    return new Promise((resolve) =>
      listener({ url, responseHeaders: headers }, (response) =>
        resolve(response.responseHeaders ?? headers),
      ),
    );
  }
}

export const defaultSession = new SessionStandIn();

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

class ProtocolStandIn {
  readonly privileged = new Set<string>();
  readonly handlers = new Map<string, ProtocolHandler>();

  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: { standard?: boolean } }[]) {
    for (const entry of schemes) {
      // Electron only accepts this before ready, and only a standard scheme has a host part.
      if (!entry.privileges?.standard) throw new Error(`${entry.scheme} must be standard here`);
      this.privileged.add(entry.scheme);
    }
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
    this.handlers.set(scheme, handler);
  }
}

export const protocol = new ProtocolStandIn();
