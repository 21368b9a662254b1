import { useEffect, useRef, useState } from 'react';
import type { PendingApprovalView } from '../../protocol/host-api.js';
import { useHost } from '../host-context.js';
import { PROVIDER_NAMES } from '../words.js';

/**
 * "Ask before changes": the oldest change waiting for the person, as a modal question. Focus
 * starts on Deny (the safe answer) and stays inside the dialog; Escape denies; when the countdown
 * ends the host refuses the change by itself and the dialog goes away with the next status.
 */
export function ApprovalDialog() {
  const { status } = useHost();
  const approvals = status?.approvals ?? [];
  const current = approvals[0];
  return current ? (
    <ApprovalQuestion key={current.id} approval={current} waiting={approvals.length} />
  ) : null;
}

function ApprovalQuestion(props: { approval: PendingApprovalView; waiting: number }) {
  const { approval } = props;
  const { client, notify } = useHost();
  const ref = useRef<HTMLDialogElement>(null);
  const [answered, setAnswered] = useState(false);
  const secondsLeft = useCountdown(approval.expiresAt);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const respond = async (allow: boolean) => {
    if (answered) return;
    setAnswered(true);
    try {
      await client.call({ op: 'approval.respond', id: approval.id, allow });
    } catch (error) {
      notify(
        'error',
        error instanceof Error ? error.message : 'TuneBridge did not take the answer.',
      );
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog approval"
      aria-labelledby="approval-title"
      aria-describedby="approval-summary"
      onCancel={(event) => {
        event.preventDefault();
        void respond(false);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Tab' && ref.current) trapFocus(ref.current, event);
      }}
    >
      <h2 id="approval-title">Allow {approval.assistantName} to make this change?</h2>
      <p id="approval-summary" className="approval-summary">
        {approval.summary}
      </p>
      <dl className="facts">
        <dt>Assistant</dt>
        <dd>{approval.assistantName}</dd>
        <dt>Service</dt>
        <dd>{PROVIDER_NAMES[approval.provider]}</dd>
        <dt>Request</dt>
        <dd>
          <code>
            {approval.method} {approval.path}
          </code>
        </dd>
      </dl>
      <p className="countdown">
        Refused automatically in <span className="seconds">{secondsLeft}</span> s if you don’t
        answer.
        {props.waiting > 1 ? ` ${props.waiting - 1} more waiting after this one.` : ''}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          autoFocus
          disabled={answered}
          onClick={() => void respond(false)}
        >
          Deny
        </button>
        <button
          type="button"
          className="button primary"
          disabled={answered}
          onClick={() => void respond(true)}
        >
          Allow
        </button>
      </div>
      <p className="hint">
        You see this because “Ask before changes” is on for {approval.assistantName} (Assistants).
      </p>
    </dialog>
  );
}

function useCountdown(expiresAt: string): number {
  const [seconds, setSeconds] = useState(() => secondsUntil(expiresAt));
  useEffect(() => {
    const timer = setInterval(() => setSeconds(secondsUntil(expiresAt)), 500);
    return () => clearInterval(timer);
  }, [expiresAt]);
  return seconds;
}

function secondsUntil(iso: string): number {
  return Math.max(0, Math.ceil((Date.parse(iso) - Date.now()) / 1000));
}

/** Keeps Tab and Shift+Tab cycling through the dialog's own controls. */
function trapFocus(dialog: HTMLElement, event: React.KeyboardEvent): void {
  const focusable = [
    ...dialog.querySelectorAll<HTMLElement>('button:not(:disabled), [href], [tabindex="0"]'),
  ];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
