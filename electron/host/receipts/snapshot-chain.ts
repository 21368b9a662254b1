import type { StateProbe } from './receipt.js';
import type { ChangeRequest } from './recorders.js';

/**
 * Bulk changes (a 10,000-track copy sends a hundred requests or more to one playlist) would read
 * the whole playlist twice around every request. Instead, for a run of changes to the same
 * playlist by the same assistant, the state after each change is worked out from the state
 * before it and the request, and that becomes the next change's "before" (whoever sends it: every
 * change through the host passes here, and an undo ends the run). Nothing is lost: the
 * expected fingerprint comes from the same derivation, so if anything else touched the playlist
 * in between, the undo check sees a difference and refuses rather than overwrite it.
 */

/**
 * Long enough to span a bulk change slowed by rate limits; short enough that a later, separate
 * change reads the playlist afresh (an edit in the provider's own app in between only makes the
 * chained receipts refuse their undo).
 */
const CHAIN_MS = 15_000;
/** As in state-probes.ts: past this a playlist is too long to keep a copy of. */
const MAX_ITEMS: Record<string, number> = {
  'spotify.playlist.items': 40 * 50,
  'tidal.playlist.items': 40 * 20,
};

export type Known = { state: unknown } | { unreadable: string };

interface Link {
  known: Known;
  at: number;
}

type Entry = { id: string; type: string; itemId: string };

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;

/** The state after `request`, from the state before it; undefined when it can't be known. */
export function predictAfter(
  probe: StateProbe,
  request: ChangeRequest,
  before: Known,
): Known | undefined {
  if ('unreadable' in before) return before;
  const body = record(request.body);
  let after: unknown[] | undefined;
  if (probe.kind === 'spotify.playlist.items') {
    const items = strings(before.state);
    if (!items || request.query?.uris) return undefined;
    const uris = strings(body.uris);
    if (request.method === 'POST' && uris) {
      const at = typeof body.position === 'number' ? body.position : items.length;
      if (at < 0 || at > items.length) return undefined;
      after = [...items.slice(0, at), ...uris, ...items.slice(at)];
    } else if (request.method === 'PUT' && uris && body.range_start === undefined) {
      after = uris;
    } else if (request.method === 'DELETE' && Array.isArray(body.items)) {
      // Spotify removes every occurrence of each URI named.
      const gone = new Set(body.items.map((item) => String(record(item).uri)));
      after = items.filter((uri) => !gone.has(uri));
    }
  } else if (probe.kind === 'tidal.playlist.items') {
    const entries = Array.isArray(before.state) ? (before.state as Entry[]) : undefined;
    const data = Array.isArray(body.data) ? body.data.map(record) : undefined;
    if (!entries || !data) return undefined;
    if (request.method === 'POST' && record(body.meta).positionBefore === undefined) {
      // New entries get their ids from TIDAL; the fingerprint and the restore use id and type only.
      after = [
        ...entries,
        ...data.map((d) => ({ id: String(d.id), type: String(d.type), itemId: '' })),
      ];
    } else if (request.method === 'DELETE') {
      const gone = new Set(data.map((d) => String(record(d.meta).itemId)));
      if (entries.some((e) => e.itemId === '' && gone.size > 0)) return undefined;
      after = entries.filter((e) => !gone.has(e.itemId));
    }
  }
  if (!after) return undefined;
  const max = MAX_ITEMS[probe.kind];
  if (max !== undefined && after.length > max)
    return { unreadable: 'the playlist is too long to keep a copy of' };
  return { state: after };
}

/** The last known state of each probe while a run of changes goes on. */
export class SnapshotChain {
  private readonly links = new Map<string, Link>();

  constructor(private readonly now: () => number) {}

  private key(probe: StateProbe): string {
    return `${probe.kind}\n${JSON.stringify(probe.params)}`;
  }

  /** The state the previous change of this run left, if the run is still going. */
  recent(probe: StateProbe): Known | undefined {
    const link = this.links.get(this.key(probe));
    if (!link) return undefined;
    if (this.now() - link.at > CHAIN_MS) {
      this.links.delete(this.key(probe));
      return undefined;
    }
    return link.known;
  }

  remember(probe: StateProbe, known: Known): void {
    // Only runs in progress are kept: a handful of playlists at a time.
    for (const [key, link] of this.links)
      if (this.now() - link.at > CHAIN_MS) this.links.delete(key);
    this.links.set(this.key(probe), { known, at: this.now() });
  }

  forget(probe: StateProbe): void {
    this.links.delete(this.key(probe));
  }
}
