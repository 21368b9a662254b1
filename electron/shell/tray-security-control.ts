import { dialog } from 'electron';
import type { LockdownReport } from '../../protocol/security.js';
import { runOperation, type OperationHost } from '../host/operations.js';
import type { TrayInput } from './tray-model.js';

const HOUR_MS = 60 * 60 * 1000;

export interface TraySecurityOptions {
  host: OperationHost;
  /** The summary changed or a lockdown ran: rebuild the menu. */
  onChange: () => void;
  log: (message: string) => void;
}

/**
 * The tray's security line and its Lock down item. The line is `security.overview`'s summary,
 * fetched again when something is recorded and every hour (its window is "the last 24 hours");
 * Lock down asks once, then runs `security.lockdown`, as the Security view does.
 */
export class TraySecurityControl {
  #summary: string | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #locking = false;
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(private readonly options: TraySecurityOptions) {
    this.#timer = setInterval(() => this.refresh(), HOUR_MS);
    this.#timer.unref();
  }

  /** What the tray shows; nothing until the first overview has been read. */
  current(): TrayInput['security'] {
    return this.#summary === undefined ? undefined : { summary: this.#summary, lockdown: true };
  }

  /** Reads the overview again; bursts (every call is recorded) collapse into one more read. */
  refresh(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#read().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        void this.refresh();
      }
    });
    return this.#running;
  }

  /** One confirmation, then the lockdown; its outcome is told in a second box. */
  async lockdown(): Promise<void> {
    if (this.#locking) return;
    this.#locking = true;
    try {
      const { response } = await dialog.showMessageBox({
        type: 'warning',
        title: 'TuneBridge',
        message: 'Lock down TuneBridge?',
        detail:
          'Every assistant is paused and its key revoked, TuneBridge is removed from their ' +
          'settings, and you are logged out of your music services. You can connect again later.',
        buttons: ['Lock down', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      if (response !== 0) return;
      const { report } = await runOperation(
        this.options.host,
        { op: 'security.lockdown', confirm: true },
        'window',
      );
      this.options.onChange();
      void this.refresh();
      await dialog.showMessageBox({
        type: report.ok ? 'info' : 'warning',
        title: 'TuneBridge',
        message: report.ok
          ? 'TuneBridge is locked down.'
          : 'Lock down did not finish every step. Open TuneBridge to see what is left.',
        detail: stepsText(report),
        buttons: ['OK'],
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.log(`TuneBridge: lock down failed: ${message}`);
      dialog.showErrorBox('TuneBridge could not lock down', message);
    } finally {
      this.#locking = false;
    }
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  async #read(): Promise<void> {
    try {
      const { overview } = await runOperation(this.options.host, { op: 'security.overview' });
      if (overview.summary === this.#summary) return;
      this.#summary = overview.summary;
      this.options.onChange();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.log(`TuneBridge: reading the security summary failed: ${message}`);
    }
  }
}

function stepsText(report: LockdownReport): string {
  return report.steps.map((step) => `${step.ok ? '✓' : '✗'} ${step.message}`).join('\n');
}
