import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AuditKind, AuditOutcome, AuditQuery, AuditRecord } from '../../protocol/audit.js';
import type { ProviderId } from '../../protocol/providers.js';
import { send, type HostClient } from '../host-client.js';
import { useHost, useHostEvents } from '../host-context.js';
import {
  AUDIT_KINDS,
  AUDIT_OUTCOMES,
  KIND_WORDS,
  OUTCOME_WORDS,
  PROVIDER_NAMES,
  PROVIDERS,
} from '../words.js';
import { groupActivity } from './activity-groups.js';
import { EntryRow } from './activity-row.js';
import { filtersFromHash } from './activity-link.js';

export const PAGE_SIZE = 50;
export const FIRST_PAGE_MARK = 'tunebridge:activity-first-page';

interface Filters {
  assistantId?: string;
  provider?: ProviderId;
  kind?: AuditKind;
  outcome?: AuditOutcome;
  /** From a Security view link: the period of the records behind a finding. */
  since?: string;
  until?: string;
}

/**
 * One page of records older than `cursor` (or the newest page), newest first. The host reads its
 * log backwards from the end and stops at `beforeSeq`, so every page costs the same however long
 * the log is. One record more than a page tells whether there is an older page.
 */
async function fetchPage(client: HostClient, filters: Filters, cursor: AuditRecord | undefined) {
  const query: AuditQuery = { ...filters, limit: PAGE_SIZE + 1 };
  if (cursor) query.beforeSeq = cursor.seq;
  const { records } = await send(client, { op: 'audit.query', query });
  return { records: records.slice(0, PAGE_SIZE), hasMore: records.length > PAGE_SIZE };
}

type Page = Awaited<ReturnType<typeof fetchPage>>;
let preloaded: { promise: Promise<Page>; page?: Page } | undefined;

/**
 * Starts reading the newest page before React has rendered anything, when the window opens on
 * Activity: the request overlaps the script's start-up, and if it is back in time the very first
 * render already shows the records. Resolves when the page is in (or failed).
 */
export function preloadActivity(client: HostClient): Promise<unknown> {
  const entry: { promise: Promise<Page>; page?: Page } = {
    promise: fetchPage(client, {}, undefined),
  };
  entry.promise.then((page) => (entry.page = page)).catch(() => undefined);
  preloaded = entry;
  return entry.promise.catch(() => undefined);
}

/** The preloaded first page, handed out once; only the unfiltered view can use it. */
function takePreloaded(): { promise: Promise<Page>; page?: Page } | undefined {
  const entry = preloaded;
  preloaded = undefined;
  return entry;
}

function matches(record: AuditRecord, filters: Filters): boolean {
  return (
    (!filters.assistantId || record.assistantId === filters.assistantId) &&
    (!filters.provider || record.provider === filters.provider) &&
    (!filters.kind || record.kind === filters.kind) &&
    (!filters.outcome || record.outcome === filters.outcome)
  );
}

/** The audit log, newest first and live, in pages so a million records stay instant. */
export function ActivityView() {
  const { client, status, attempt } = useHost();
  const [filters, setFilters] = useState<Filters>(filtersFromHash);
  const [early] = useState(takePreloaded);
  const [records, setRecords] = useState<AuditRecord[]>(early?.page?.records ?? []);
  const [state, setState] = useState<'loading' | 'ready' | 'more'>(
    early?.page ? 'ready' : 'loading',
  );
  const [hasMore, setHasMore] = useState(early?.page?.hasMore ?? false);
  const skipFirstLoad = useRef(early?.page !== undefined);
  const [waiting, setWaiting] = useState<AuditRecord[]>([]);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const generation = useRef(0);
  const marked = useRef(false);
  // Records that arrive while a page is on its way: the page may have been read before them.
  const arrivedWhileLoading = useRef<AuditRecord[] | undefined>(undefined);

  const load = useCallback(
    async (next: Filters) => {
      const mine = ++generation.current;
      setState('loading');
      arrivedWhileLoading.current = [];
      const pending =
        early && !early.page && Object.keys(next).length === 0 ? early.promise : undefined;
      const page = await attempt(() => pending ?? fetchPage(client, next, undefined));
      if (mine !== generation.current) return;
      setRecords(prepend(arrivedWhileLoading.current ?? [], page?.records ?? []));
      arrivedWhileLoading.current = undefined;
      setHasMore(page?.hasMore ?? false);
      setWaiting([]);
      setState('ready');
    },
    [client, attempt],
  );

  useEffect(() => {
    if (skipFirstLoad.current) {
      skipFirstLoad.current = false;
      return;
    }
    void load(filters);
  }, [load, filters]);

  useEffect(() => {
    if (state === 'ready' && !marked.current) {
      marked.current = true;
      requestAnimationFrame(() => performance.mark(FIRST_PAGE_MARK));
    }
  }, [state]);

  useHostEvents((event) => {
    if (event.event !== 'audit.appended' || !matches(event.record, filters)) return;
    arrivedWhileLoading.current?.unshift(event.record);
    // Scrolled down: hold new records back rather than move what the person is reading.
    if (window.scrollY > 0) setWaiting((current) => [event.record, ...current]);
    else setRecords((current) => prepend([event.record], current));
  });

  const loadOlder = async () => {
    const cursor = records.at(-1);
    if (!cursor) return;
    const mine = generation.current;
    setState('more');
    const page = await attempt(() => fetchPage(client, filters, cursor));
    if (mine !== generation.current) return;
    if (page) {
      setRecords((current) => [...current, ...page.records]);
      setHasMore(page.hasMore);
    }
    setState('ready');
  };

  const entries = useMemo(() => groupActivity(records), [records]);

  const setFilter = <K extends keyof Filters>(key: K, value: string) =>
    setFilters((current) => ({ ...current, [key]: value || undefined }));

  const toggle = (seq: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });

  return (
    <section aria-labelledby="activity-heading">
      <div className="title-row">
        <h1 id="activity-heading">Activity</h1>
        <ExportLink client={client} />
      </div>
      <p className="lead">
        Everything assistants did through TuneBridge, newest first. No token is ever written here.
      </p>
      <form
        className="filters"
        onSubmit={(event) => event.preventDefault()}
        aria-label="Filter activity"
      >
        <label>
          Assistant
          <select
            value={filters.assistantId ?? ''}
            onChange={(e) => setFilter('assistantId', e.target.value)}
          >
            <option value="">All assistants</option>
            {status?.assistants.map((c) => (
              <option key={c.assistantId} value={c.assistantId}>
                {c.name}
                {c.revoked ? ' (revoked)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Service
          <select
            value={filters.provider ?? ''}
            onChange={(e) => setFilter('provider', e.target.value)}
          >
            <option value="">All services</option>
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {PROVIDER_NAMES[p]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind
          <select value={filters.kind ?? ''} onChange={(e) => setFilter('kind', e.target.value)}>
            <option value="">All kinds</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_WORDS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome
          <select
            value={filters.outcome ?? ''}
            onChange={(e) => setFilter('outcome', e.target.value)}
          >
            <option value="">All outcomes</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_WORDS[o]}
              </option>
            ))}
          </select>
        </label>
      </form>
      <div className="new-bar">
        {waiting.length > 0 ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setRecords((current) => prepend(waiting, current));
              setWaiting([]);
              window.scrollTo({ top: 0 });
            }}
          >
            Show {waiting.length} new
          </button>
        ) : null}
      </div>
      <div aria-busy={state === 'loading'} className="log">
        {state === 'loading' && records.length === 0 ? <p className="empty">Loading…</p> : null}
        {state !== 'loading' && records.length === 0 ? (
          <p className="empty">Nothing matches these filters yet.</p>
        ) : null}
        <ol className="records" aria-label="Activity records">
          {entries.map((entry) => (
            <EntryRow
              key={entry.record.seq}
              entry={entry}
              open={expanded.has(entry.record.seq)}
              onToggle={() => toggle(entry.record.seq)}
            />
          ))}
        </ol>
        {hasMore ? (
          <button
            type="button"
            className="button more"
            disabled={state !== 'ready'}
            onClick={() => void loadOlder()}
          >
            {state === 'more' ? 'Loading…' : 'Show older'}
          </button>
        ) : null}
      </div>
    </section>
  );
}

function prepend(fresh: AuditRecord[], current: AuditRecord[]): AuditRecord[] {
  const seen = new Set(current.map((record) => record.seq));
  return [...fresh.filter((record) => !seen.has(record.seq)), ...current];
}

/** Downloads the log as JSON Lines: a plain link over HTTP, built from pages over IPC. */
function ExportLink(props: { client: HostClient }) {
  const { attempt } = useHost();
  if (props.client.exportUrl) {
    return (
      <a className="button" href={props.client.exportUrl} download>
        Export JSON Lines
      </a>
    );
  }
  const exportAll = async () => {
    const all: AuditRecord[] = [];
    let cursor: AuditRecord | undefined;
    for (;;) {
      const query: AuditQuery = { limit: 10_000, beforeSeq: cursor?.seq };
      const { records } = await send(props.client, { op: 'audit.query', query });
      if (records.length === 0) break;
      all.push(...records);
      cursor = records.at(-1);
    }
    const text = all
      .reverse()
      .map((record) => JSON.stringify(record))
      .join('\n');
    const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'application/x-ndjson' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `tunebridge-activity-${new Date().toISOString().slice(0, 10)}.jsonl`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <button type="button" className="button" onClick={() => void attempt(exportAll)}>
      Export JSON Lines
    </button>
  );
}
