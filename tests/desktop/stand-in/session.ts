import { join } from 'node:path';

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

/** The part of Electron's `DownloadItem` the shell uses. */
export interface DownloadItemStandIn {
  getURL(): string;
  getFilename(): string;
  setSaveDialogOptions(options: { defaultPath?: string }): void;
}

export type WillDownloadListener = (
  event: { preventDefault(): void },
  item: DownloadItemStandIn,
  webContents: { id: number },
) => void;

/** One download the page started, as the test sees it afterwards. */
export interface DownloadRecord {
  url: string;
  fileName: string;
  /** Where the save dialog opens (the shell's choice, else Electron's); absent when cancelled. */
  saveDialogPath?: string;
  cancelled: boolean;
}

export class SessionStandIn {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  headersListener: HeadersListener | null = null;
  readonly recorded = new Set<string>();
  readonly willDownload: WillDownloadListener[] = [];
  readonly downloads: DownloadRecord[] = [];

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

  on(event: string, listener: WillDownloadListener): this {
    if (event !== 'will-download') throw new Error(`The stand-in has no session event ${event}`);
    this.willDownload.push(listener);
    return this;
  }

  /**
   * Electron asks the `will-download` listeners; a prevented download is cancelled, any other
   * opens a save dialog (the shell sets no save path), recorded here with where it opens. The
   * bytes go where Chromium's download behaviour sends them: with a test attached over CDP, to
   * that test's Playwright, which checks them.
   */
  async download(
    contents: { id: number },
    url: string,
    fileName: string,
    cancel: () => Promise<void>,
    downloadsDir: string,
  ): Promise<void> {
    let prevented = false;
    let defaultPath: string | undefined;
    const item: DownloadItemStandIn = {
      getURL: () => url,
      getFilename: () => fileName,
      setSaveDialogOptions: (options) => {
        defaultPath = options.defaultPath;
      },
    };
    for (const listener of this.willDownload) {
      listener({ preventDefault: () => (prevented = true) }, item, contents);
    }
    if (prevented) {
      this.downloads.push({ url, fileName, cancelled: true });
      return cancel();
    }
    this.downloads.push({
      url,
      fileName,
      saveDialogPath: defaultPath ?? join(downloadsDir, fileName),
      cancelled: false,
    });
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
