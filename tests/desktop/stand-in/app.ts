import { EventEmitter } from 'node:events';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * `app`: the lifecycle as Electron runs it. `ready` comes once the main module (top-level await
 * included) has been evaluated; `quit()` emits `before-quit` (cancellable), `will-quit` and
 * `quit`, then ends the process; `exit()` ends it at once. Shutdown work registered by the other
 * parts (closing Chromium) runs before the process ends.
 */
class AppStandIn extends EventEmitter {
  isPackaged = false;
  #name = 'Electron';
  #ready = false;
  readonly #readyPromise: Promise<void>;
  #markReady!: () => void;
  readonly #paths = new Map<string, string>();
  readonly shutdownTasks: (() => Promise<void>)[] = [];
  #lockFile: string | undefined;
  #quitting = false;
  readonly recorded: { appUserModelId?: string; activationPolicy?: string } = {};
  /** macOS only in Electron; this stand-in plays Linux, where `app.dock` is undefined. */
  readonly dock = undefined;

  constructor() {
    super();
    this.#readyPromise = new Promise((resolve) => (this.#markReady = resolve));
    this.#paths.set('home', homedir());
    this.#paths.set('temp', tmpdir());
    this.#paths.set('downloads', join(homedir(), 'Downloads'));
    this.#paths.set('appData', join(homedir(), '.config'));
    this.#paths.set('userData', join(homedir(), '.config', 'Electron'));
  }

  /** Called by the loader once the main module has finished evaluating. */
  becomeReady(): void {
    this.#ready = true;
    this.emit('ready');
    this.#markReady();
  }

  whenReady(): Promise<void> {
    return this.#readyPromise;
  }
  isReady(): boolean {
    return this.#ready;
  }
  getName(): string {
    return this.#name;
  }
  setName(name: string): void {
    this.#name = name;
  }
  get name(): string {
    return this.#name;
  }
  /** Like a development run's: the nearest package.json above the main script. */
  getVersion(): string {
    for (let dir = this.getAppPath(); ; dir = dirname(dir)) {
      try {
        return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string })
          .version;
      } catch {
        if (dirname(dir) === dir) return '0.0.0';
      }
    }
  }
  getAppPath(): string {
    return dirname(process.argv[1] ?? '.');
  }
  getPath(name: string): string {
    const path = this.#paths.get(name);
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  setPath(name: string, path: string): void {
    if (this.#ready && name === 'userData') {
      throw new Error('userData must be set before ready in this stand-in');
    }
    this.#paths.set(name, path);
  }
  getLocale(): string {
    return 'en-US';
  }
  setAppUserModelId(id: string): void {
    this.recorded.appUserModelId = id;
  }
  setActivationPolicy(policy: string): void {
    this.recorded.activationPolicy = policy;
  }
  disableHardwareAcceleration(): void {
    if (this.#ready) throw new Error('disableHardwareAcceleration must be called before ready');
  }
  getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAtLogin: boolean } {
    return { openAtLogin: false, wasOpenedAtLogin: false };
  }
  setLoginItemSettings(): void {}

  /** Chromium's process singleton, as a lock file in userData holding the owner's pid. */
  requestSingleInstanceLock(): boolean {
    const dir = this.getPath('userData');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, 'SingletonLock.stand-in');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const fd = openSync(file, 'wx', 0o600);
        writeFileSync(fd, String(process.pid));
        closeSync(fd);
        this.#lockFile = file;
        return true;
      } catch {
        const owner = Number(readFileSync(file, 'utf8'));
        if (isAlive(owner)) return false;
        rmSync(file, { force: true });
      }
    }
    return false;
  }

  quit(): void {
    if (this.#quitting) return;
    let prevented = false;
    this.emit('before-quit', {
      preventDefault: () => {
        prevented = true;
      },
    });
    if (prevented) return;
    this.#quitting = true;
    this.emit('will-quit', { preventDefault: () => undefined });
    this.emit('quit', { preventDefault: () => undefined }, 0);
    void this.#end(0);
  }

  exit(code = 0): void {
    this.#quitting = true;
    void this.#end(code);
  }

  async #end(code: number): Promise<void> {
    for (const task of this.shutdownTasks) await task().catch(() => undefined);
    if (this.#lockFile) rmSync(this.#lockFile, { force: true });
    process.exit(code);
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// One per process: electron-updater reaches it with `require('electron')`, which tsx loads as a
// second module instance beside the shell's `import`; both must see the same lifecycle.
const APP_KEY = Symbol.for('tunebridge.stand-in.app');
const shared = globalThis as { [APP_KEY]?: AppStandIn };
export const app: AppStandIn = (shared[APP_KEY] ??= new AppStandIn());
