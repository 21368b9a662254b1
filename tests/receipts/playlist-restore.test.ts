import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  spotifyRestoreSteps,
  tidalRestoreSteps,
  type TidalEntry,
} from '../../electron/host/receipts/playlist-restore.js';
import type { StoredReceipt, UndoStep } from '../../electron/host/receipts/receipt.js';
import { MAX_RECEIPTS, ReceiptStore } from '../../electron/host/receipts/receipt-store.js';

/** Applies Spotify steps the way the Web API does, to check a plan ends at the target. */
function applySpotify(list: string[], steps: UndoStep[]): string[] {
  let items = [...list];
  for (const step of steps) {
    const body = step.body as {
      uris?: string[];
      position?: number;
      items?: Array<{ uri: string }>;
    };
    if (step.method === 'DELETE') {
      const gone = new Set(body.items?.map((item) => item.uri));
      items = items.filter((uri) => !gone.has(uri));
    } else if (step.method === 'PUT') items = [...(body.uris ?? [])];
    else items.splice(body.position ?? items.length, 0, ...(body.uris ?? []));
  }
  return items;
}

describe('planning a playlist back to what it was', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['an add in the middle', ['a', 'b', 'x', 'y', 'c'], ['a', 'b', 'c']],
    ['a remove of every copy', ['a', 'c'], ['a', 'b', 'c', 'b']],
    ['an add of a track already there', ['a', 'b', 'a'], ['a', 'b']],
    ['a reorder', ['c', 'a', 'b'], ['a', 'b', 'c']],
    ['emptied', [], ['a', 'b']],
    ['filled from empty', ['a', 'b'], []],
  ];
  it.each(cases)('Spotify: undoes %s exactly', (_name, current, target) => {
    expect(applySpotify(current, spotifyRestoreSteps('p', current, target))).toEqual(target);
  });

  it('Spotify: inserts removed runs at their positions, one request per run', () => {
    const steps = spotifyRestoreSteps('p', ['a', 'd'], ['a', 'b', 'c', 'd', 'e']);
    expect(steps.map((step) => step.body)).toEqual([
      { uris: ['b', 'c'], position: 1 },
      { uris: ['e'], position: 4 },
    ]);
  });

  it('TIDAL: removes added entries by entry id and re-inserts before the next kept entry', () => {
    const entry = (id: string, itemId: string): TidalEntry => ({ id, type: 'tracks', itemId });
    const added = tidalRestoreSteps(
      'p',
      [entry('1', 'i1'), entry('9', 'i9'), entry('2', 'i2')],
      [entry('1', 'i1'), entry('2', 'i2')],
    );
    expect(added).toEqual([
      {
        method: 'DELETE',
        path: '/v2/playlists/p/relationships/items',
        body: { data: [{ id: '9', type: 'tracks', meta: { itemId: 'i9' } }] },
      },
    ]);
    const removed = tidalRestoreSteps(
      'p',
      [entry('1', 'i1'), entry('3', 'i3')],
      [entry('1', 'x'), entry('2', 'x'), entry('3', 'x')],
    );
    expect(removed[0]?.body).toEqual({
      data: [{ id: '2', type: 'tracks' }],
      meta: { positionBefore: 'i3' },
    });
  });
});

describe('the receipts file', () => {
  const receipt = (n: number, createdAt: string): StoredReceipt => ({
    id: `r_receipt${n}`,
    assistantId: 'c',
    assistantName: 'Someone',
    provider: 'spotify',
    createdAt,
    summary: `Change ${n}`,
    scopes: [],
    steps: [],
    undoable: false,
  });

  it('is 0600, survives reopening, keeps the newest 500 and drops ones older than 30 days', async () => {
    const home = await mkdtemp(join(tmpdir(), 'tb-receipts-'));
    try {
      const now = Date.parse('2026-11-30T00:00:00Z');
      const store = await ReceiptStore.open(home, () => now);
      await store.add(receipt(0, '2026-10-01T00:00:00Z'));
      for (let n = 1; n <= MAX_RECEIPTS + 2; n += 1) {
        await store.add(receipt(n, new Date(now - 1000 + n).toISOString()));
      }
      const file = join(home, 'receipts.json');
      if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(await readFile(file, 'utf8')).not.toMatch(/token|key/i);
      const reopened = await ReceiptStore.open(home, () => now);
      const list = reopened.list();
      expect(list).toHaveLength(MAX_RECEIPTS);
      expect(list[0]?.id).toBe(`r_receipt${MAX_RECEIPTS + 2}`);
      expect(reopened.get('r_receipt0')).toBeUndefined();
      expect(reopened.get('r_receipt2')).toBeUndefined();
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
