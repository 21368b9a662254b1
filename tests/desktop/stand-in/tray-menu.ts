import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';

/** A `nativeImage` is only its file here; the tray records which icon it shows. */
export class NativeImageStandIn {
  constructor(readonly path: string) {}
  isEmpty(): boolean {
    return !this.path || !existsSync(this.path);
  }
}

export const nativeImage = {
  createFromPath: (path: string) => new NativeImageStandIn(path),
  createEmpty: () => new NativeImageStandIn(''),
};

export interface MenuItemOptions {
  type?: 'normal' | 'separator' | 'checkbox' | 'radio' | 'submenu';
  label?: string;
  enabled?: boolean;
  checked?: boolean;
  click?: (...args: unknown[]) => void;
}

/** A menu recorded as data; `click` is kept so a test can choose an item as a person would. */
export class Menu {
  constructor(readonly items: MenuItemOptions[]) {}
  static buildFromTemplate(template: MenuItemOptions[]): Menu {
    for (const item of template) {
      if (item.type !== 'separator' && typeof item.label !== 'string') {
        throw new TypeError('Invalid template for MenuItem: must have a label');
      }
    }
    return new Menu(template.map((item) => ({ type: 'normal', enabled: true, ...item })));
  }
}

export interface TrayRecord {
  icon: string;
  tooltip: string;
  menu: { type: string; label?: string; enabled: boolean; checked?: boolean }[];
  destroyed: boolean;
}

export class Tray extends EventEmitter {
  static readonly all: Tray[] = [];
  #image: NativeImageStandIn;
  #tooltip = '';
  #menu: Menu | undefined;
  #destroyed = false;

  constructor(image: NativeImageStandIn) {
    super();
    if (image.isEmpty()) throw new Error(`Tray icon ${image.path} could not be loaded`);
    this.#image = image;
    Tray.all.push(this);
  }
  setImage(image: NativeImageStandIn): void {
    if (image.isEmpty()) throw new Error(`Tray icon ${image.path} could not be loaded`);
    this.#image = image;
  }
  setToolTip(tooltip: string): void {
    this.#tooltip = tooltip;
  }
  setContextMenu(menu: Menu | null): void {
    this.#menu = menu ?? undefined;
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  destroy(): void {
    this.#destroyed = true;
  }

  record(): TrayRecord {
    return {
      icon: basename(this.#image.path),
      tooltip: this.#tooltip,
      menu: (this.#menu?.items ?? []).map((item) => ({
        type: item.type ?? 'normal',
        label: item.label,
        enabled: item.enabled !== false,
        checked: item.checked,
      })),
      destroyed: this.#destroyed,
    };
  }

  /** What a click on a menu item does in Electron: its `click`, if it is enabled. */
  choose(label: string): boolean {
    const item = this.#menu?.items.find((entry) => entry.label === label);
    if (!item || item.enabled === false || !item.click) return false;
    item.click(item, undefined, {});
    return true;
  }
}

export interface NotificationRecord {
  title: string;
  body: string;
  shown: boolean;
}

export class Notification extends EventEmitter {
  static readonly all: Notification[] = [];
  static isSupported(): boolean {
    return true;
  }
  readonly record: NotificationRecord;
  constructor(options: { title?: string; body?: string }) {
    super();
    this.record = { title: options.title ?? '', body: options.body ?? '', shown: false };
  }
  show(): void {
    this.record.shown = true;
    Notification.all.push(this);
  }
  close(): void {
    this.emit('close', {});
  }
}

export const shell = {
  openedExternally: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.openedExternally.push(url);
    return Promise.resolve();
  },
};

export const dialog = {
  shown: [] as string[],
  /** Buttons a test has chosen for the next message boxes, in order. */
  answers: [] as string[],
  showErrorBox(title: string, content: string): void {
    dialog.shown.push(title);
    process.stderr.write(`[error box] ${title}: ${content}\n`);
  },
  showMessageBox(options: { message: string; buttons?: string[]; cancelId?: number }) {
    dialog.shown.push(options.message);
    const chosen = (options.buttons ?? []).indexOf(dialog.answers.shift() ?? '');
    // Nobody is there to answer: the cancel button, as closing the box would.
    const response = chosen >= 0 ? chosen : (options.cancelId ?? 0);
    return Promise.resolve({ response, checkboxChecked: false });
  },
};

export const nativeTheme = { shouldUseDarkColors: false, themeSource: 'system' };

export const screen = {
  getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};
