import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ControlRequest, StandInState } from '../stand-in/control.js';
import { launchEnv, type DesktopDriver, type LaunchSettings, type TrayView } from './driver.js';
import { standInRegister } from './stand-in-bundle.js';

const REGISTER = fileURLToPath(new URL('../stand-in/register.ts', import.meta.url));

/** The built main process under Node, with `electron` resolved to the stand-in. */
export class StandInDriver implements DesktopDriver {
  readonly name = 'Electron stand-in';
  readonly #child: ChildProcess;
  readonly #exit: Promise<number | null>;
  readonly #pending = new Map<
    number,
    (answer: { ok: boolean; value?: unknown; error?: string }) => void
  >();
  #nextId = 1;
  #browser: Browser | undefined;
  #page: Page | undefined;
  stderr = '';

  private constructor(settings: LaunchSettings, mainScript: string) {
    this.#child = fork(mainScript, [], {
      // A TypeScript fixture as the main script needs tsx; the built app runs on plain Node.
      execArgv: mainScript.endsWith('.ts')
        ? ['--import', 'tsx', '--import', REGISTER]
        : ['--import', standInRegister()],
      env: launchEnv(settings),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.#child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.#child.stdout?.resume();
    this.#child.on(
      'message',
      (message: { id: number; ok: boolean; value?: unknown; error?: string }) =>
        this.#pending.get(message.id)?.(message),
    );
    this.#exit = new Promise((resolve) => this.#child.once('exit', (code) => resolve(code)));
  }

  /** Runs the built app in `settings.distDir`, or another main script (a test fixture). */
  static launch(settings: LaunchSettings, mainScript?: string): StandInDriver {
    return new StandInDriver(settings, mainScript ?? join(settings.distDir, 'electron', 'main.js'));
  }

  async #ask<T>(request: ControlRequest): Promise<T> {
    if (!this.running()) throw new Error(`The app is not running. Its stderr:\n${this.stderr}`);
    const id = this.#nextId++;
    const answer = await new Promise<{ ok: boolean; value?: unknown; error?: string }>(
      (resolve) => {
        this.#pending.set(id, resolve);
        this.#child.send({ id, request });
      },
    );
    this.#pending.delete(id);
    if (!answer.ok) throw new Error(answer.error);
    return answer.value as T;
  }

  state(): Promise<StandInState> {
    return this.#ask<StandInState>({ op: 'state' });
  }

  ipcFromSubframe(channel: string, payload: unknown): Promise<{ value?: unknown; error?: string }> {
    return this.#ask({ op: 'ipc.fromSubframe', channel, payload });
  }

  async window(): Promise<Page> {
    for (;;) {
      const state = await this.state();
      if (state.cdpEndpoint && state.windows.length > 0) {
        this.#browser ??= await chromium.connectOverCDP(state.cdpEndpoint);
        const pages = this.#browser
          .contexts()
          .flatMap((context) => context.pages())
          .filter(
            (candidate) =>
              !candidate.isClosed() && candidate.url().includes('.app-scheme.invalid/'),
          );
        // Until a closed window's page has gone, the browser and the shell disagree: wait.
        const page = pages.length === state.windows.length ? pages[0] : undefined;
        if (page) {
          await page.waitForLoadState('load');
          this.#page = page;
          return page;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async windowUrl(): Promise<string | undefined> {
    return (await this.state()).windows[0]?.url;
  }
  async windowCount(): Promise<number> {
    return (await this.state()).windows.length;
  }
  async tray(): Promise<TrayView> {
    const { tray } = await this.state();
    return {
      state: tray?.icon.replace(/^tray-/, '').replace(/(@2x)?\.png$/, ''),
      items: (tray?.menu ?? [])
        .filter((item) => item.type !== 'separator')
        .map((item) => ({ label: item.label ?? '', enabled: item.enabled })),
    };
  }
  /** The button a person clicks in the next message box (otherwise it is closed: cancel). */
  answerNextDialog(button: string): Promise<boolean> {
    return this.#ask<boolean>({ op: 'dialog.answer', button });
  }
  async dialogs(): Promise<string[]> {
    return (await this.state()).dialogs;
  }
  chooseTray(label: string): Promise<boolean> {
    return this.#ask<boolean>({ op: 'tray.choose', label });
  }
  async closeWindow(): Promise<void> {
    const page = this.#page;
    const closed = page && !page.isClosed() ? page.waitForEvent('close') : undefined;
    await this.#ask({ op: 'window.close' });
    await closed;
  }
  async openedExternally(): Promise<string[]> {
    return (await this.state()).openedExternally;
  }
  running(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }
  async exited(): Promise<number | null> {
    const code = await this.#exit;
    await this.#browser?.close().catch(() => undefined);
    return code;
  }
  async kill(): Promise<void> {
    await this.#browser?.close().catch(() => undefined);
    if (this.running()) this.#child.kill('SIGKILL');
    await this.#exit;
  }
}
