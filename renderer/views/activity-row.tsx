import { useState } from 'react';
import type { AuditRecord } from '../../protocol/audit.js';
import { UndoButton } from '../components/undo-button.js';
import { localAndRelative, localizeTimes, rowTime } from '../format.js';
import { KIND_WORDS, OUTCOME_WORDS, PROVIDER_NAMES } from '../words.js';
import { shownOutcome, type ActivityEntry, type ShownOutcome } from './activity-groups.js';

const SHOWN_OUTCOME_WORDS: Record<ShownOutcome, string> = {
  ...OUTCOME_WORDS,
  checked: 'Checked',
};

const SHOWN_OUTCOME_TITLES: Partial<Record<ShownOutcome, string>> = {
  checked: 'A doctor probe: this answer is what the check looks for, not a failure.',
};

function describe(record: AuditRecord): string {
  const message = record.message ? localizeTimes(record.message) : undefined;
  if (record.tool) return message ? `${record.tool}: ${message}` : record.tool;
  if (record.method && record.path)
    return `${record.method} ${record.path}${record.status ? ` → ${record.status}` : ''}`;
  if (message) return message;
  if (record.scopes?.length) return record.scopes.join(' ');
  return '';
}

/** A detail line's value, read by a person: times local and relative, lists spaced. */
function detailValue(key: string, value: unknown): string {
  if (key === 'time' && typeof value === 'string') return localAndRelative(value);
  if (Array.isArray(value)) return value.join(' ');
  if (typeof value === 'string') return localizeTimes(value);
  return String(value);
}

/** One row of Activity; a tool call folds in the sign-in, grants and API calls it caused. */
export function EntryRow(props: {
  entry: ActivityEntry;
  open: boolean;
  onToggle(): void;
  /** A step shown inside its tool call, whose row already offers its Undo. */
  inGroup?: boolean;
}) {
  const { record, steps } = props.entry;
  const detailsId = `record-${record.seq}`;
  const outcome = shownOutcome(record);
  const stepOutcomes = steps.map(shownOutcome);
  const worstStep = stepOutcomes.includes('error')
    ? 'error'
    : stepOutcomes.includes('refused')
      ? 'refused'
      : undefined;
  return (
    <li className={`record ${outcome}`} data-kind={record.kind} data-seq={record.seq}>
      <button
        type="button"
        className="record-summary"
        aria-expanded={props.open}
        aria-controls={detailsId}
        onClick={props.onToggle}
      >
        <time dateTime={record.time} title={localAndRelative(record.time)}>
          {rowTime(record.time)}
        </time>
        <span className="kind">{KIND_WORDS[record.kind]}</span>
        <span className="who">
          {record.assistantName ?? '—'}
          {record.provider ? ` · ${PROVIDER_NAMES[record.provider]}` : ''}
        </span>
        <span className="what">
          <span className="what-text">{describe(record)}</span>
          {steps.length > 0 ? (
            <span className={`steps-count ${worstStep ?? ''}`}>
              {steps.length} {steps.length === 1 ? 'step' : 'steps'}
            </span>
          ) : null}
        </span>
        <span className={`outcome ${outcome}`} title={SHOWN_OUTCOME_TITLES[outcome]}>
          {SHOWN_OUTCOME_WORDS[outcome]}
        </span>
      </button>
      {/* A change inside a folded tool call keeps its Undo on the row you see. */}
      {(props.inGroup ? [] : [record, ...steps]).map((change) =>
        change.receiptId && change.kind === 'api.call' && change.outcome === 'ok' ? (
          <UndoButton key={change.seq} receiptId={change.receiptId} />
        ) : null,
      )}
      {props.open ? (
        <div id={detailsId}>
          <Details record={record} />
          {steps.length > 0 ? (
            <ol className="records steps" aria-label={`What ${record.tool ?? 'this call'} did`}>
              {steps.map((step) => (
                <StepRow key={step.seq} record={step} />
              ))}
            </ol>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** A step inside a tool call: its own row, with its own details on demand. */
function StepRow(props: { record: AuditRecord }) {
  const [open, setOpen] = useState(false);
  return (
    <EntryRow
      entry={{ record: props.record, steps: [] }}
      open={open}
      onToggle={() => setOpen((current) => !current)}
      inGroup
    />
  );
}

function Details(props: { record: AuditRecord }) {
  return (
    <dl className="record-details">
      {Object.entries(props.record).map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{detailValue(key, value)}</dd>
        </div>
      ))}
    </dl>
  );
}
