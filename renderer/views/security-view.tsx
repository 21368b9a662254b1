import { useCallback, useEffect, useRef, useState } from 'react';
import type { SecurityOverview, SecurityRange } from '../../protocol/security.js';
import { dateAndTime } from '../format.js';
import { send } from '../host-client.js';
import { useHost, useHostEvents } from '../host-context.js';
import { activityHref } from './activity-link.js';
import { SecurityActions } from './security-actions.js';
import { SecurityCharts } from './security-charts.js';
import { takePreloadedSecurity } from './security-preload.js';
import './security.css';

const RANGES: Array<{ id: SecurityRange; label: string }> = [
  { id: '24h', label: '24 hours' },
  { id: '7d', label: '7 days' },
  { id: '30d', label: '30 days' },
];
/** Set once the first figures are on screen: the bench measures navigation → this mark. */
export const SECURITY_FIRST_PAINT_MARK = 'tunebridge:security-first-paint';
/** New records re-read the figures at most this often. */
const REFRESH_MS = 2_000;

/**
 * The person's security overview: charts of what assistants did and what was refused, unusual
 * things in words (found by the host), dates to watch, and the lockdown and incident report.
 */
export function SecurityView() {
  const { client, attempt } = useHost();
  const [early] = useState(takePreloadedSecurity);
  const [overview, setOverview] = useState<SecurityOverview | undefined>(early);
  const [range, setRange] = useState<SecurityRange>('24h');
  const timer = useRef<number | undefined>(undefined);

  const load = useCallback(async () => {
    const answer = await attempt(async () => await send(client, { op: 'security.overview' }));
    if (answer) setOverview(answer.overview);
  }, [attempt, client]);
  const painted = overview !== undefined;
  useEffect(() => {
    if (painted) requestAnimationFrame(() => performance.mark(SECURITY_FIRST_PAINT_MARK));
  }, [painted]);

  useEffect(() => {
    if (!early) void load();
    return () => window.clearTimeout(timer.current);
  }, [load, early]);
  useHostEvents((event) => {
    if (event.event !== 'audit.appended' || timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      void load();
    }, REFRESH_MS);
  });

  const revoke = async (assistantId: string) => {
    await attempt(() => client.call({ op: 'assistant.revoke', assistantId }));
    await load();
  };

  return (
    <section aria-labelledby="security-title" className="security-view">
      <h1 id="security-title">Security</h1>
      <p className="lead">
        What your assistants did, what TuneBridge refused, and what to keep an eye on.
      </p>
      {!overview ? (
        <p className="meta">Loading…</p>
      ) : (
        <>
          <p className="meta security-summary" data-summary>
            {overview.summary}
          </p>
          <section className="card" aria-labelledby="anomalies-title">
            <h2 id="anomalies-title">Unusual activity</h2>
            {overview.anomalies.length === 0 ? (
              <p>Nothing unusual in the last 30 days.</p>
            ) : (
              <ul className="anomalies">
                {overview.anomalies.map((anomaly, index) => (
                  <li key={index} data-anomaly={anomaly.kind}>
                    {anomaly.message} <a href={activityHref(anomaly.activity)}>Show in Activity</a>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="dates-title">
            <h2 id="dates-title">Dates to watch</h2>
            <table className="dates">
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col">When</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {overview.dates.map((date, index) => (
                  <tr key={index} data-date={date.kind}>
                    <th scope="row">{date.label}</th>
                    <td>{date.date ? dateAndTime(date.date) : 'never'}</td>
                    <td>
                      {date.note}
                      {date.revokeAssistantId ? (
                        <>
                          {' '}
                          <button
                            type="button"
                            className="button small danger"
                            onClick={() => void revoke(date.revokeAssistantId ?? '')}
                          >
                            Revoke key
                          </button>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="charts-title">
            <div className="charts-header">
              <h2 id="charts-title">Charts</h2>
              <div role="group" aria-label="Period" className="segmented">
                {RANGES.map((r) => (
                  <button
                    key={r.id}
                    type="button"
                    className="button small"
                    aria-pressed={range === r.id}
                    onClick={() => setRange(r.id)}
                  >
                    {r.label}
                  </button>
                ))}
              </div>
            </div>
            <p
              className="meta charts-period"
              data-from={overview.figures[range].from}
              data-to={overview.figures[range].to}
            >
              From {dateAndTime(overview.figures[range].from)} to{' '}
              {dateAndTime(overview.figures[range].to)}; hours and days are counted in UTC.
            </p>
            <SecurityCharts figures={overview.figures[range]} />
          </section>
        </>
      )}
      <SecurityActions onDone={() => void load()} />
    </section>
  );
}
