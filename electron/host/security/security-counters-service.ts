import { join } from 'node:path';
import type { AuditRecord } from '../../../protocol/audit.js';
import type { AssistantSummary } from '../../../protocol/assistant.js';
import type { AccountSummary } from '../../../protocol/providers.js';
import type { SecurityOverview } from '../../../protocol/security.js';
import { findAnomalies } from './anomalies.js';
import { COUNTERS_FILE, loadCounters, saveCounters } from './counter-store.js';
import { datesToWatch } from './dates-to-watch.js';
import { pinReview } from './pin-review.js';
import { countRecord, pruneState, type CounterState } from './security-counters.js';
import { figuresFor } from './security-figures.js';
import { securitySummaryLine } from './summary-line.js';

/** Saved this long after the last change, so a busy minute costs one write, not hundreds. */
const SAVE_DELAY_MS = 2_000;

/**
 * The Security view's figures, kept as the audit log is written: every appended record is counted
 * into per-hour buckets, saved beside the log, and read back (or rebuilt from the log when the
 * file is missing) at the next start. A view request then never reads the log.
 */
export class SecurityCounters {
  private state: CounterState | undefined;
  private pending: AuditRecord[] = [];
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  readonly ready: Promise<void>;

  constructor(private readonly options: { auditDir: string; home: string; now?: () => number }) {
    this.ready = loadCounters(options.auditDir, this.file).then((state) => {
      this.state = state;
      for (const record of this.pending) countRecord(state, record);
      this.pending = [];
      // Parsing the root store takes tens of milliseconds: paid here, not by the first view.
      pinReview();
    });
    this.ready.catch(() => undefined);
  }

  private get file(): string {
    return join(this.options.home, COUNTERS_FILE);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Called for every record the log appends (the host's `audit.appended` event). */
  observe(record: AuditRecord): void {
    if (!this.state) {
      this.pending.push(record);
      return;
    }
    countRecord(this.state, record);
    this.scheduleSave();
  }

  async overview(input: {
    accounts: AccountSummary[];
    assistants: AssistantSummary[];
  }): Promise<SecurityOverview> {
    await this.ready;
    const state = this.state as CounterState;
    const now = this.now();
    pruneState(state, now);
    const known = new Map(input.assistants.map((a) => [a.assistantId, a.name]));
    const names = (id: string) => known.get(id) ?? state.names[id] ?? 'An unknown assistant';
    const figures = {
      '24h': figuresFor(state, '24h', now, names),
      '7d': figuresFor(state, '7d', now, names),
      '30d': figuresFor(state, '30d', now, names),
    };
    const anomalies = findAnomalies(state, now, names);
    return {
      generatedAt: new Date(now).toISOString(),
      figures,
      anomalies,
      dates: datesToWatch({
        now,
        accounts: input.accounts,
        assistants: input.assistants,
        pins: pinReview(),
      }),
      summary: securitySummaryLine(figures['24h'], anomalies.length),
    };
  }

  /** Writes the counters now (at stop, and in tests). */
  async flush(): Promise<void> {
    await this.ready.catch(() => undefined);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const state = this.state;
    if (!state) return;
    pruneState(state, this.now());
    this.saving = this.saving.then(() => saveCounters(this.file, state)).catch(() => undefined);
    await this.saving;
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.flush();
    }, SAVE_DELAY_MS);
    this.saveTimer.unref();
  }
}
