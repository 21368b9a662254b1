import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { HostStatus } from '../../protocol/host-api.js';
import {
  buildTrayMenu,
  deriveTrayState,
  trayTooltip,
  type TrayAction,
  type TrayInput,
  type TrayMenuItem,
  type TrayState,
} from './tray-model.js';

export interface TrayControllerOptions {
  iconsDir: string;
  status: () => HostStatus;
  secretStorageWarning?: string;
  /** The security summary line and whether to offer Lock down, once known. */
  security?: () => TrayInput['security'];
  startAtLogin: { get(): Promise<boolean>; set(enabled: boolean): Promise<void> } | undefined;
  onAction: (action: Exclude<TrayAction, 'toggle-start-at-login'>) => void;
}

/** What the tray shows, as data: for development runs' tests under the real Electron. */
export interface TraySnapshot {
  state: TrayState | undefined;
  tooltip: string;
  items: TrayMenuItem[];
}

/** The tray icon and its menu, rebuilt from the host's status whenever something changes. */
export class TrayController {
  readonly #tray: Tray;
  #unseenAlert = false;
  #alertMessage: string | undefined;
  #state: TrayState | undefined;
  #startAtLogin: boolean | undefined;
  #pending: ReturnType<typeof setTimeout> | undefined;
  #updateReady: string | undefined;
  #items: TrayMenuItem[] = [];

  constructor(private readonly options: TrayControllerOptions) {
    this.#tray = new Tray(this.#icon('needs-login'));
    // Windows and most Linux trays open the window on a click; macOS shows the menu.
    this.#tray.on('click', () => {
      if (process.platform !== 'darwin') options.onAction('open');
    });
  }

  async start(): Promise<void> {
    this.#startAtLogin = await this.options.startAtLogin?.get().catch(() => undefined);
    this.refresh();
  }

  /** An alert from the host: the icon turns red until the person opens the window. */
  noteAlert(message: string): void {
    this.#unseenAlert = true;
    this.#alertMessage = message;
    this.refresh();
  }

  /** The person opened the window, so they have seen what there was to see. */
  noteSeen(): void {
    if (!this.#unseenAlert) return;
    this.#unseenAlert = false;
    this.#alertMessage = undefined;
    this.refresh();
  }

  /** A newer version is downloaded: offer "Restart to update". */
  noteUpdateReady(version: string): void {
    this.#updateReady = version;
    this.refresh();
  }

  snapshot(): TraySnapshot {
    return {
      state: this.#state,
      tooltip: this.#state ? trayTooltip(this.#state) : '',
      items: this.#items,
    };
  }

  /** Runs a menu item's action as a click would. */
  activate(label: string): boolean {
    const item = this.#items.find((entry) => entry.kind !== 'separator' && entry.label === label);
    if (!item || item.kind === 'separator' || !item.action || !item.enabled) return false;
    this.#run(item.action);
    return true;
  }

  /** Coalesces bursts (every API call appends to the audit log) into one rebuild a second. */
  refreshSoon(): void {
    this.#pending ??= setTimeout(() => {
      this.#pending = undefined;
      this.refresh();
    }, 1000);
  }

  refresh(): void {
    if (this.#tray.isDestroyed()) return;
    const status = this.options.status();
    const input = {
      status,
      unseenAlert: this.#unseenAlert,
      alertMessage: this.#alertMessage,
      secretStorageWarning: this.options.secretStorageWarning,
      startAtLogin: this.options.startAtLogin ? (this.#startAtLogin ?? false) : undefined,
      updateReady: this.#updateReady,
      security: this.options.security?.(),
      now: new Date(),
    };
    const state = deriveTrayState(input);
    if (state !== this.#state) {
      this.#tray.setImage(this.#icon(state));
      this.#state = state;
    }
    this.#tray.setToolTip(trayTooltip(state));
    this.#items = buildTrayMenu(input);
    this.#tray.setContextMenu(
      Menu.buildFromTemplate(this.#items.map((item) => this.#toElectron(item))),
    );
  }

  destroy(): void {
    if (this.#pending) clearTimeout(this.#pending);
    if (!this.#tray.isDestroyed()) this.#tray.destroy();
  }

  #toElectron(item: TrayMenuItem): MenuItemConstructorOptions {
    if (item.kind === 'separator') return { type: 'separator' };
    const label = process.platform === 'win32' ? item.label.replaceAll('&', '&&') : item.label;
    const { action } = item;
    const click = action ? () => this.#run(action) : undefined;
    if (item.kind === 'checkbox') {
      return { type: 'checkbox', label, checked: item.checked, enabled: item.enabled, click };
    }
    return { label, enabled: item.enabled, click };
  }

  #run(action: TrayAction): void {
    if (action !== 'toggle-start-at-login') {
      this.options.onAction(action);
      return;
    }
    const control = this.options.startAtLogin;
    if (!control) return;
    const next = !(this.#startAtLogin ?? false);
    control.set(next).then(
      async () => {
        this.#startAtLogin = await control.get().catch(() => next);
        this.refresh();
      },
      (error: unknown) => {
        process.stderr.write(`TuneBridge: could not change start at login: ${String(error)}\n`);
        this.refresh();
      },
    );
  }

  #icon(state: TrayState) {
    // nativeImage picks tray-<state>@2x.png on high-density displays by itself.
    return nativeImage.createFromPath(join(this.options.iconsDir, `tray-${state}.png`));
  }
}
