/**
 * The main window's `BrowserWindow` options, in a plain module so a test can hold every
 * security setting to account. The shape matches Electron's `BrowserWindowConstructorOptions`;
 * main-window.ts passes the real `BrowserWindow` class in, so the compiler checks the literal
 * below against the real Electron types, and Electronegativity sees the literal it constructs.
 */
export interface MainWindowOptions {
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    experimentalFeatures: false;
    disableBlinkFeatures: string;
    webviewTag: false;
    navigateOnDragDrop: false;
    safeDialogs: true;
    spellcheck: false;
    devTools: boolean;
  };
}

export interface MainWindowSettings {
  preloadPath: string;
  /** Dev tools only in an unpackaged development run. */
  devTools: boolean;
  dark: boolean;
  /** Where the window was last time (already checked against today's displays). */
  bounds?: { x?: number; y?: number; width: number; height: number };
}

/**
 * Constructs the main window. `BrowserWindow` is Electron's class (a stand-in in tests), passed
 * in because this module must not import electron.
 */
export function createMainWindow<W>(
  BrowserWindow: new (options: MainWindowOptions) => W,
  settings: MainWindowSettings,
): W {
  return new BrowserWindow({
    width: 1040,
    height: 720,
    ...settings.bounds,
    minWidth: 640,
    minHeight: 480,
    title: 'TuneBridge',
    // Shown on 'ready-to-show', so the person never sees an empty white frame.
    show: false,
    backgroundColor: settings.dark ? '#16181d' : '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: settings.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click ("auxclick") can open links in new windows behind the click handlers' back.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: settings.devTools,
    },
  });
}
