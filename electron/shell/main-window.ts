import { BrowserWindow, app, nativeTheme, screen } from 'electron';
import { APP_ENTRY_URL } from './app-origin.js';
import { createMainWindow } from './window-options.js';
import { restoreBounds, type WindowBounds } from './window-state.js';

/**
 * The one TuneBridge window. Closing it destroys it (the app lives on in the tray); "Open
 * TuneBridge" makes a new one or brings the existing one forward.
 */
export class MainWindow {
  #window: BrowserWindow | undefined;
  readonly #ids = new Set<number>();

  constructor(
    private readonly options: {
      preload: string;
      devTools: boolean;
      /** Called with each new window, e.g. to start pushing host events to it. */
      onCreated: (window: BrowserWindow) => () => void;
      onShown?: () => void;
      /** The window's remembered size and position. */
      bounds?: { get(): WindowBounds | undefined; save(bounds: WindowBounds): void };
    },
  ) {}

  /** The web contents ids of our windows, for the IPC sender check. */
  get webContentsIds(): ReadonlySet<number> {
    return this.#ids;
  }

  get current(): BrowserWindow | undefined {
    return this.#window && !this.#window.isDestroyed() ? this.#window : undefined;
  }

  show(): void {
    const existing = this.current;
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      this.options.onShown?.();
      return;
    }
    const bounds = restoreBounds(
      this.options.bounds?.get(),
      screen.getAllDisplays().map((display) => display.workArea),
    );
    const window = createMainWindow(BrowserWindow, {
      preloadPath: this.options.preload,
      devTools: this.options.devTools,
      dark: nativeTheme.shouldUseDarkColors,
      bounds,
    });
    // macOS: a Dock icon only while the window is open; otherwise TuneBridge is a menu-bar app.
    void app.dock?.show();
    const id = window.webContents.id;
    this.#ids.add(id);
    this.#window = window;
    const detach = this.options.onCreated(window);
    window.once('ready-to-show', () => {
      window.show();
      this.options.onShown?.();
    });
    window.on('close', () => {
      if (!window.isMinimized() && !window.isMaximized()) {
        this.options.bounds?.save(window.getBounds());
      }
    });
    window.on('closed', () => {
      app.dock?.hide();
      detach();
      this.#ids.delete(id);
      if (this.#window === window) this.#window = undefined;
    });
    void window.loadURL(APP_ENTRY_URL);
  }

  close(): void {
    this.current?.destroy();
  }
}
