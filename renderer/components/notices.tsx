import { useHost } from '../host-context.js';

/** Messages from the host, announced politely (errors assertively); they never push the page. */
export function Notices() {
  const { notices, dismiss } = useHost();
  return (
    <div className="notices" role="region" aria-label="Messages">
      <div aria-live="polite">
        {notices
          .filter((notice) => notice.tone !== 'error')
          .map((notice) => (
            <div key={notice.id} className={`notice ${notice.tone}`}>
              <p>{notice.text}</p>
              <button type="button" className="link" onClick={() => dismiss(notice.id)}>
                Dismiss
              </button>
            </div>
          ))}
      </div>
      <div role="alert">
        {notices
          .filter((notice) => notice.tone === 'error')
          .map((notice) => (
            <div key={notice.id} className="notice error">
              <p>{notice.text}</p>
              <button type="button" className="link" onClick={() => dismiss(notice.id)}>
                Dismiss
              </button>
            </div>
          ))}
      </div>
    </div>
  );
}
