import { useHost } from '../host-context.js';

const NOTHING_TO_PAUSE =
  'Nothing to pause yet: no assistant is connected. Connect one under Assistants.';

/**
 * Pauses or resumes every assistant. With none connected it stays focusable but greyed
 * (`aria-disabled`), and says why on hover, on focus for screen readers, and when pressed.
 */
export function PauseAllButton(props: { active: number; allPaused: boolean }) {
  const { client, attempt, notify } = useHost();
  const unavailable = props.active === 0;
  return (
    <>
      <button
        type="button"
        className={`button ${props.allPaused ? 'primary' : 'danger'}`}
        aria-pressed={props.allPaused}
        aria-disabled={unavailable || undefined}
        aria-describedby={unavailable ? 'pause-all-why' : undefined}
        title={unavailable ? NOTHING_TO_PAUSE : undefined}
        onClick={() => {
          if (unavailable) notify('info', NOTHING_TO_PAUSE);
          else void attempt(() => client.call({ op: 'pause.all', paused: !props.allPaused }));
        }}
      >
        {props.allPaused ? 'Resume all access' : 'Pause all access'}
      </button>
      {unavailable ? (
        <span id="pause-all-why" className="visually-hidden">
          {NOTHING_TO_PAUSE}
        </span>
      ) : null}
    </>
  );
}
