import { clockTime } from '../format.js';
import { useHost } from '../host-context.js';
import { ALERT_TITLES } from '../words.js';

/**
 * The host's alerts (failed sign-ins, a refresh that failed, a burst of calls, a refused
 * certificate): one banner each at the top of every view until the person dismisses it, in any
 * window. The region is a live `alert`, so a new one is announced at once.
 */
export function AlertBanners() {
  const { status, client, attempt } = useHost();
  const alerts = status?.alerts ?? [];
  return (
    <div role="alert" className="alert-banners">
      {alerts.map((alert) => (
        <div key={alert.id} className="alert-banner" data-reason={alert.reason}>
          <div>
            <p className="alert-title">
              {ALERT_TITLES[alert.reason] ?? 'Security alert'}{' '}
              <time dateTime={alert.time}>at {clockTime(alert.time)}</time>
            </p>
            <p>{alert.message}</p>
          </div>
          <button
            type="button"
            className="button"
            onClick={() => void attempt(() => client.call({ op: 'alert.dismiss', id: alert.id }))}
          >
            Dismiss<span className="visually-hidden"> this alert</span>
          </button>
        </div>
      ))}
    </div>
  );
}
