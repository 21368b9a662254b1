import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { ReceiptFile, type StoredReceipt } from './receipt.js';

/** In the data folder, beside settings.json: 0600, replaced atomically on every change. */
export const RECEIPTS_FILE = 'receipts.json';
/** Receipts kept: the newest this many, none older than the age below. */
export const MAX_RECEIPTS = 500;
export const MAX_RECEIPT_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The receipts on disk. Writes are chained so two changes finishing together can't interleave
 * their files; a missing or unreadable file starts an empty list rather than stopping the host.
 */
export class ReceiptStore {
  private receipts: StoredReceipt[] = [];
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private readonly now: () => number,
  ) {}

  static async open(home: string, now: () => number = Date.now): Promise<ReceiptStore> {
    const store = new ReceiptStore(join(home, RECEIPTS_FILE), now);
    try {
      const parsed = ReceiptFile.safeParse(JSON.parse(await readFile(store.path, 'utf8')));
      if (parsed.success) store.receipts = parsed.data.receipts;
    } catch {
      // No file yet (first start) or a torn one: nothing to undo from before.
    }
    store.prune();
    return store;
  }

  /** Newest first. */
  list(): StoredReceipt[] {
    return [...this.receipts].reverse();
  }

  get(id: string): StoredReceipt | undefined {
    return this.receipts.find((receipt) => receipt.id === id);
  }

  add(receipt: StoredReceipt): Promise<void> {
    this.receipts.push(receipt);
    this.prune();
    return this.save();
  }

  update(id: string, change: Partial<StoredReceipt>): Promise<void> {
    this.receipts = this.receipts.map((r) => (r.id === id ? { ...r, ...change } : r));
    return this.save();
  }

  private prune(): void {
    const oldest = this.now() - MAX_RECEIPT_AGE_MS;
    this.receipts = this.receipts
      .filter((receipt) => Date.parse(receipt.createdAt) >= oldest)
      .slice(-MAX_RECEIPTS);
  }

  private save(): Promise<void> {
    const data = JSON.stringify({ version: 1, receipts: this.receipts });
    this.writing = this.writing
      .catch(() => undefined)
      .then(() => writeFileAtomic(this.path, data, { mode: 0o600 }));
    return this.writing;
  }
}
