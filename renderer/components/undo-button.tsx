import { useState } from 'react';
import { send } from '../host-client.js';
import { useHost } from '../host-context.js';

/**
 * Undo for one change in Activity. The host checks that the thing is still as the change left
 * it and refuses otherwise; either way the answer is shown beside the button.
 */
export function UndoButton(props: { receiptId: string }) {
  const { client } = useHost();
  const [state, setState] = useState<'idle' | 'working' | 'done' | 'refused'>('idle');
  const [message, setMessage] = useState('');
  const undo = () => {
    setState('working');
    send(client, { op: 'receipt.undo', receiptId: props.receiptId }).then(
      (response) => {
        setMessage(response.message);
        setState('done');
      },
      (error: unknown) => {
        setMessage(error instanceof Error ? error.message : 'TuneBridge could not undo this.');
        setState('refused');
      },
    );
  };
  return (
    <div className="record-undo" data-receipt={props.receiptId}>
      <button
        type="button"
        className="button"
        disabled={state === 'working' || state === 'done'}
        onClick={undo}
      >
        {state === 'done' ? 'Undone' : 'Undo'}
      </button>
      <span className={`undo-result ${state}`} role="status" aria-live="polite">
        {message}
      </span>
    </div>
  );
}
