import { randomBytes } from 'node:crypto';
import type { AuditEvent } from '../../../protocol/audit.js';
import { scopesAllowedBy, type AssistantPolicy } from '../../../protocol/policy.js';
import { PROVIDER_NAMES } from '../../../protocol/providers.js';
import type { ReceiptView } from '../../../protocol/receipts.js';
import type { ApiCall, ApiResult } from '../broker/api-proxy.js';
import { BrokerError } from '../broker/broker-error.js';
import { spotifyRestoreSteps, tidalRestoreSteps, type TidalEntry } from './playlist-restore.js';
import type { StoredReceipt, UndoStep } from './receipt.js';
import type { ReceiptStore } from './receipt-store.js';
import { findRecorder, type ChangeRequest } from './recorders.js';
import { predictAfter, SnapshotChain, type Known } from './snapshot-chain.js';
import { fingerprint, readState, type ReadApi } from './state-probes.js';

/** Who asks for an undo: an assistant (its own receipts, within its policy) or the person. */
export type UndoActor =
  | { kind: 'assistant'; assistantId: string; assistantName: string; policy: AssistantPolicy }
  | { kind: 'person'; via: 'window' | 'command line' };

export interface ReceiptBookDeps {
  store: ReceiptStore;
  proxy: { call(call: ApiCall): Promise<ApiResult> };
  audit: (event: AuditEvent) => Promise<unknown>;
  now?: () => number;
}

const ITEM_PROBES = new Set(['spotify.playlist.items', 'tidal.playlist.items']);

/**
 * Receipts for the changes that pass through the host, and their undo. Around each change it
 * reads the state the change touches (through the same proxy, with the person's token), lets
 * the change through, reads the state again and keeps a receipt. An undo first checks that the
 * state is still what the change left; if anyone changed it since, it refuses rather than
 * overwrite their change.
 */
export class ReceiptBook {
  private readonly undoing = new Set<string>();
  private readonly now: () => number;
  private readonly chain: SnapshotChain;

  constructor(private readonly deps: ReceiptBookDeps) {
    this.now = deps.now ?? Date.now;
    this.chain = new SnapshotChain(this.now);
  }

  /** Forwards a change; when it succeeded and is one we know, answers with its receipt id. */
  async around(
    who: { assistantId: string; name: string },
    request: ChangeRequest,
    scopes: readonly string[],
    forward: () => Promise<ApiResult>,
  ): Promise<ApiResult & { receiptId?: string }> {
    const found = request.method === 'GET' ? undefined : findRecorder(request);
    if (!found) return forward();
    const { recorder, params } = found;
    const read = this.reader(request.provider);
    const probe = recorder.probe?.(request, params);
    let before: unknown;
    let unreadable: string | undefined;
    // In a run of changes to one playlist, the state the last one left is this one's "before".
    const chained = probe && this.chain.recent(probe);
    const predicted = probe && chained ? predictAfter(probe, request, chained) : undefined;
    if (chained && predicted) {
      if ('unreadable' in chained) unreadable = chained.unreadable;
      else before = chained.state;
    } else if (probe) {
      before = await readState(read, probe).catch((e: unknown) => (unreadable = why(e)));
    }
    const result = await forward();
    if (result.status >= 300) {
      if (probe) this.chain.forget(probe);
      return result;
    }
    let expected: string | undefined;
    if (probe) {
      const known: Known = unreadable ? { unreadable } : { state: before };
      let after = predicted ?? predictAfter(probe, request, known);
      after ??= await readState(read, probe).then(
        (state): Known => ({ state }),
        (e: unknown): Known => ({ unreadable: why(e) }),
      );
      if ('unreadable' in after) unreadable ??= after.unreadable;
      else if (!unreadable) expected = fingerprint(probe.kind, after.state);
      this.chain.remember(probe, after);
    }
    const undoable = !recorder.irreversible && probe !== undefined && expected !== undefined;
    const receipt: StoredReceipt = {
      id: `r_${randomBytes(9).toString('base64url')}`,
      assistantId: who.assistantId,
      assistantName: who.name,
      provider: request.provider,
      createdAt: new Date(this.now()).toISOString(),
      summary: recorder.describe(request, params, unreadable ? undefined : before),
      scopes: [...scopes],
      probe,
      expected,
      steps: undoable && recorder.reverse ? recorder.reverse(request, params, before) : [],
      target: undoable && probe && ITEM_PROBES.has(probe.kind) ? before : undefined,
      undoable,
      note:
        recorder.irreversible ??
        (undoable
          ? undefined
          : `TuneBridge could not read the state around this change (${unreadable ?? 'unknown'}), so it can't undo it.`),
    };
    try {
      await this.deps.store.add(receipt);
    } catch {
      // The change went through; a full disk must not turn it into an error.
      process.stderr.write('TuneBridge could not save a receipt (write failed).\n');
      return result;
    }
    return { ...result, receiptId: receipt.id };
  }

  /** One receipt as the person sees it, if it exists. */
  view(receiptId: string): ReceiptView | undefined {
    const receipt = this.deps.store.get(receiptId);
    return receipt ? toView(receipt) : undefined;
  }

  /** Newest first; an assistant sees only its own. */
  list(filter: { assistantId?: string; limit?: number } = {}): ReceiptView[] {
    return this.deps.store
      .list()
      .filter(
        (receipt) => filter.assistantId === undefined || receipt.assistantId === filter.assistantId,
      )
      .slice(0, filter.limit ?? 50)
      .map(toView);
  }

  /** Reverses one receipt's change; resolves with a sentence for the person. */
  async undo(receiptId: string, actor: UndoActor): Promise<string> {
    const receipt = this.deps.store.get(receiptId);
    const base: AuditEvent = {
      kind: 'tool.call',
      outcome: 'ok',
      tool: 'undo',
      assistantId: actor.kind === 'assistant' ? actor.assistantId : undefined,
      assistantName: actor.kind === 'assistant' ? actor.assistantName : `the person (${actor.via})`,
      provider: receipt?.provider,
      receiptId,
    };
    const refuse = async (
      code: 'not_found' | 'undo_refused' | 'scope_not_allowed',
      message: string,
    ) => {
      await this.deps.audit({ ...base, outcome: 'refused', message });
      return new BrokerError(code, message);
    };
    if (!receipt || (actor.kind === 'assistant' && receipt.assistantId !== actor.assistantId)) {
      // Another assistant's receipt reads as unknown: its existence is not this one's business.
      throw await refuse(
        'not_found',
        `There is no change ${receiptId} of yours to undo. TuneBridge keeps the last 500 changes for 30 days; list them with tunebridge undo --list.`,
      );
    }
    if (actor.kind === 'assistant') {
      const allowed = scopesAllowedBy(receipt.provider, actor.policy.groups);
      const name = PROVIDER_NAMES[receipt.provider];
      if (
        !actor.policy.providers.includes(receipt.provider) ||
        !receipt.scopes.every((scope) => allowed.has(scope))
      ) {
        throw await refuse(
          'scope_not_allowed',
          `${actor.assistantName} may no longer make this kind of change on ${name}, so it can't undo it either. Switch the permission back on under Assistants in TuneBridge, or undo it from TuneBridge's Activity view.`,
        );
      }
    }
    if (receipt.undoneAt) {
      throw await refuse('undo_refused', `That change was already undone at ${receipt.undoneAt}.`);
    }
    if (!receipt.undoable || !receipt.probe) {
      throw await refuse('undo_refused', receipt.note ?? 'TuneBridge cannot undo that change.');
    }
    if (this.undoing.has(receiptId)) {
      throw await refuse('undo_refused', 'That change is being undone right now.');
    }
    this.undoing.add(receiptId);
    try {
      const read = this.reader(receipt.provider);
      const current = await readState(read, receipt.probe).catch(() => undefined);
      if (current === undefined || fingerprint(receipt.probe.kind, current) !== receipt.expected) {
        throw await refuse(
          'undo_refused',
          `${changedSince(receipt)} since this change, so TuneBridge did not undo it: that would overwrite the later changes. Nothing was changed.`,
        );
      }
      const steps = this.plan(receipt, current);
      this.chain.forget(receipt.probe);
      for (const [index, step] of steps.entries()) await this.send(receipt, step, index, base);
      const undoneAt = new Date(this.now()).toISOString();
      await this.deps.store.update(receiptId, { undoneAt });
      const message = `Undone: ${receipt.summary}.`;
      await this.deps.audit({ ...base, message });
      return message;
    } finally {
      this.undoing.delete(receiptId);
    }
  }

  private plan(receipt: StoredReceipt, current: unknown): UndoStep[] {
    const playlistId = receipt.probe?.params.playlistId ?? '';
    if (receipt.probe?.kind === 'spotify.playlist.items') {
      return spotifyRestoreSteps(playlistId, current as string[], receipt.target as string[]);
    }
    if (receipt.probe?.kind === 'tidal.playlist.items') {
      return tidalRestoreSteps(playlistId, current as TidalEntry[], receipt.target as TidalEntry[]);
    }
    return receipt.steps;
  }

  private async send(
    receipt: StoredReceipt,
    step: UndoStep,
    index: number,
    base: AuditEvent,
  ): Promise<void> {
    const started = performance.now();
    // TIDAL takes an idempotency key on changes: one per step, so a retried undo never doubles.
    const idempotencyKey = `undo-${receipt.id}-${index}`;
    const result = await this.deps.proxy.call({
      provider: receipt.provider,
      ...step,
      idempotencyKey,
    });
    // The step's record names the receipt in its message, not in `receiptId`: that field marks
    // the change itself, which the window offers to undo.
    await this.deps.audit({
      ...base,
      receiptId: undefined,
      kind: 'api.call',
      outcome: result.status < 300 ? 'ok' : 'error',
      method: step.method,
      path: step.path,
      status: result.status,
      durationMs: Math.max(0, performance.now() - started),
      message: `Undo of ${receipt.id}`,
    });
    if (result.status >= 300) {
      throw new BrokerError(
        'upstream_unavailable',
        `${PROVIDER_NAMES[receipt.provider]} refused part of the undo (HTTP ${result.status}). Check the result in ${PROVIDER_NAMES[receipt.provider]}; the change may be only partly undone.`,
      );
    }
  }

  private reader(provider: ChangeRequest['provider']): ReadApi {
    return (path, query) => this.deps.proxy.call({ provider, method: 'GET', path, query });
  }
}

function changedSince(receipt: StoredReceipt): string {
  switch (receipt.probe?.kind) {
    case 'spotify.playlist.items':
    case 'tidal.playlist.items':
      return 'The playlist has changed';
    case 'spotify.playlist.details':
    case 'tidal.playlist.details':
      return 'The playlist’s details have changed';
    case 'spotify.player':
      return 'The player setting has changed';
    default:
      return 'Your library has changed';
  }
}

function why(error: unknown): string {
  return error instanceof Error ? error.message : 'unreadable';
}

function toView(receipt: StoredReceipt): ReceiptView {
  const { id, assistantId, assistantName, provider, createdAt, summary, undoable, note, undoneAt } =
    receipt;
  return { id, assistantId, assistantName, provider, createdAt, summary, undoable, note, undoneAt };
}
