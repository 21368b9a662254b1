import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Frame, Page, Route } from 'playwright-core';
import { app } from './app.js';
import { browserContext } from './chromium.js';
import { ipcMain, type SenderFrameInfo } from './ipc-main.js';
import { preloadInitScript } from './preload-script.js';
import { defaultSession, protocol } from './session.js';
import { isMappedPageUrl, toPageUrl, toShellUrl } from './url-map.js';

let nextId = 1;
const NAMES = {
  ipc: `__standInIpc${process.pid}`,
  permission: `__standInPermission${process.pid}`,
  open: `__standInOpen${process.pid}`,
  deliver: `__standInDeliver${process.pid}`,
};

type Preventable = { preventDefault(): void; url?: string };
type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

/** The renderer side of one window: a real Chromium page. */
export class WebContents extends EventEmitter {
  readonly id = nextId++;
  page: Page | undefined;
  #destroyed = false;
  #openHandler: OpenHandler | undefined;
  #loading: string | undefined;

  setWindowOpenHandler(handler: OpenHandler): void {
    this.#openHandler = handler;
  }
  getURL(): string {
    return this.page && !this.#destroyed ? toShellUrl(this.page.url()) : '';
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    const page = this.page;
    if (!page || this.#destroyed) return;
    page
      .evaluate(
        ([name, ch, values]) =>
          (window as unknown as Record<string, (c: string, a: unknown[]) => void>)[name]?.(
            ch,
            values,
          ),
        [NAMES.deliver, channel, args] as const,
      )
      .catch(() => undefined);
  }

  async attach(page: Page, preload: string | undefined): Promise<void> {
    this.page = page;
    await page.exposeBinding(NAMES.ipc, (source, message: { channel: string; args: unknown[] }) =>
      this.#invoke(source.frame, message),
    );
    await page.exposeBinding(NAMES.permission, async (source, permission: string) =>
      defaultSession.requestPermission(this, permission, {
        isMainFrame: source.frame.parentFrame() === null,
        requestingUrl: toShellUrl(source.frame.url()),
      }),
    );
    await page.exposeBinding(NAMES.open, (_source, url: string) => this.#windowOpen(url));
    page.on('download', (download) => {
      void defaultSession
        .download(
          this,
          toShellUrl(download.url()),
          download.suggestedFilename(),
          () => download.cancel(),
          app.getPath('downloads'),
        )
        .catch(() => undefined);
    });
    let source: string | undefined;
    if (preload) {
      try {
        source = readFileSync(preload, 'utf8');
      } catch {
        // Electron logs this in the renderer and goes on without a preload.
        process.stderr.write(`Unable to load preload script: ${preload}\n`);
      }
    }
    await page.addInitScript(preloadInitScript(NAMES, source));
    await page.route('**/*', (route) => this.#route(route));
  }

  async loadURL(url: string): Promise<void> {
    const page = this.page;
    if (!page) throw new Error('The window is not ready');
    const target = toPageUrl(url, protocol.privileged);
    this.#loading = target;
    try {
      await page.goto(target, { waitUntil: 'load' });
    } finally {
      this.#loading = undefined;
    }
    this.emit('did-finish-load');
  }

  markDestroyed(): void {
    this.#destroyed = true;
    this.emit('destroyed');
  }

  async #invoke(frame: Frame, message: { channel: string; args: unknown[] }) {
    try {
      const value = await ipcMain.invoke(
        message.channel,
        { sender: this, senderFrame: frameInfo(frame), frameId: 0, processId: process.pid },
        message.args,
      );
      return { value };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  #windowOpen(url: string): void {
    const decision = this.#openHandler?.({ url: toShellUrl(url) }) ?? { action: 'allow' };
    if (decision.action === 'allow')
      new BrowserWindow({ show: true }).loadURL(url).catch(() => undefined);
  }

  async #route(route: Route): Promise<void> {
    const request = route.request();
    const url = request.url();
    if (request.isNavigationRequest() && url !== this.#loading) {
      const mainFrame = request.frame().parentFrame() === null;
      let prevented = false;
      const event: Preventable = { preventDefault: () => (prevented = true), url: toShellUrl(url) };
      if (mainFrame) this.emit('will-navigate', event, toShellUrl(url));
      this.emit('will-frame-navigate', event);
      if (prevented) return route.abort('aborted');
    }
    if (isMappedPageUrl(url)) return this.#serveScheme(route);
    try {
      const response = await route.fetch();
      const headers = await defaultSession.filterHeaders(url, asLists(response.headers()));
      return await route.fulfill({ response, headers: flatten(headers) });
    } catch {
      return route.abort('failed').catch(() => undefined);
    }
  }

  async #serveScheme(route: Route): Promise<void> {
    const request = route.request();
    const shellUrl = toShellUrl(request.url());
    const scheme = new URL(shellUrl).protocol.slice(0, -1);
    const handler = protocol.handlers.get(scheme);
    if (!handler) return route.abort('failed');
    const response = await handler(new Request(shellUrl, { method: request.method() }));
    const headers: Record<string, string[]> = {};
    response.headers.forEach((value, name) => (headers[name] = [value]));
    await route.fulfill({
      status: response.status,
      headers: flatten(await defaultSession.filterHeaders(shellUrl, headers)),
      body: Buffer.from(await response.arrayBuffer()),
    });
  }
}

function frameInfo(frame: Frame): SenderFrameInfo | null {
  if (frame.isDetached()) return null;
  const parent = frame.parentFrame();
  return { url: toShellUrl(frame.url()), parent: parent ? frameInfo(parent) : null };
}

function asLists(headers: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]]));
}

function flatten(headers: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, values]) => [name, values.join(', ')]),
  );
}

interface WindowOptions {
  show?: boolean;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  webPreferences?: {
    preload?: string;
    contextIsolation?: boolean;
    sandbox?: boolean;
    nodeIntegration?: boolean;
  };
}

/** A window: its page opens in the shared Chromium; events and state follow Electron's. */
export class BrowserWindow extends EventEmitter {
  static readonly all: BrowserWindow[] = [];
  readonly webContents = new WebContents();
  readonly #ready: Promise<void>;
  #visible: boolean;
  #destroyed = false;
  #bounds: { x: number; y: number; width: number; height: number };

  constructor(options: WindowOptions = {}) {
    super();
    const prefs = options.webPreferences ?? {};
    // The stand-in plays only the window the shell is allowed to make.
    if (prefs.contextIsolation === false || prefs.sandbox === false || prefs.nodeIntegration) {
      throw new Error('The stand-in only runs sandboxed, context-isolated windows');
    }
    this.#visible = options.show !== false;
    this.#bounds = {
      x: options.x ?? 40,
      y: options.y ?? 40,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    BrowserWindow.all.push(this);
    app.emit('web-contents-created', {}, this.webContents);
    this.#ready = browserContext()
      .then((context) => context.newPage())
      .then((page) => this.webContents.attach(page, prefs.preload));
    this.webContents.on('did-finish-load', () => this.emit('ready-to-show'));
  }

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all.filter((window) => !window.isDestroyed());
  }

  async loadURL(url: string): Promise<void> {
    await this.#ready;
    await this.webContents.loadURL(url);
  }
  show(): void {
    this.#visible = true;
    void this.webContents.page?.bringToFront();
  }
  hide(): void {
    this.#visible = false;
  }
  focus(): void {}
  restore(): void {}
  isVisible(): boolean {
    return this.#visible && !this.#destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return false;
  }
  getBounds() {
    return { ...this.#bounds };
  }
  setBounds(bounds: { x: number; y: number; width: number; height: number }): void {
    this.#bounds = { ...bounds };
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** As the person closing the window: `close` (cancellable), then the window is gone. */
  close(): void {
    if (this.#destroyed) return;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    void this.#ready.then(() => this.webContents.page?.close()).catch(() => undefined);
    this.webContents.markDestroyed();
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length > 0) return;
    // Without a listener Electron quits when the last window closes.
    if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
    else app.quit();
  }
}
