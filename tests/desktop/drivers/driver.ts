import type { Page } from 'playwright-core';

/** The tray as a person sees it: the icon's state and the menu's items. */
export interface TrayView {
  state: string | undefined;
  items: { label: string; enabled: boolean }[];
}

/**
 * One running desktop app, driven from the outside. The scenario is written against this, and
 * each driver (the real Electron through Playwright, or the stand-in) implements it.
 */
export interface DesktopDriver {
  readonly name: string;
  /** The main window's page, once it has loaded. */
  window(): Promise<Page>;
  /** The main window's URL as the shell sees it, or undefined with no window open. */
  windowUrl(): Promise<string | undefined>;
  windowCount(): Promise<number>;
  tray(): Promise<TrayView>;
  /** Clicks a tray menu item; false when there is no such enabled item. */
  chooseTray(label: string): Promise<boolean>;
  /** Closes the main window as its close button would. */
  closeWindow(): Promise<void>;
  /** URLs the app handed to the default browser (`shell.openExternal`). */
  openedExternally(): Promise<string[]>;
  /** Whether the process is still running. */
  running(): boolean;
  /** Resolves with the exit code once the process has ended. */
  exited(): Promise<number | null>;
  /** Stops the process if a test failed half way. */
  kill(): Promise<void>;
}

export interface LaunchSettings {
  /** The test HOME: Claude Desktop's config is written under it. */
  home: string;
  /** TUNEBRIDGE_HOME. */
  dataDir: string;
  /** The built dist/ to run (a copy with a defect, for the wiring tests). */
  distDir: string;
  extraEnv?: Record<string, string>;
}

export function launchEnv(settings: LaunchSettings): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('TUNEBRIDGE_') && name !== 'XDG_CONFIG_HOME') {
      env[name] = value;
    }
  }
  return {
    ...env,
    HOME: settings.home,
    TUNEBRIDGE_HOME: settings.dataDir,
    // Sandbox mode is what the scenario exercises; no provider is configured.
    ...settings.extraEnv,
  };
}
