import type { RefusalReason, SecurityBucket, SecurityFigures } from '../../protocol/security.js';
import { BarChart } from '../components/charts/bar-chart.js';
import { ChartFigure } from '../components/charts/chart-figure.js';
import { TimeChart, type TimeSeries } from '../components/charts/time-chart.js';

export const REFUSAL_WORDS: Record<RefusalReason, string> = {
  policy: 'Not allowed by policy',
  paused: 'Assistant paused',
  scope: 'Missing scope',
  approval: 'Approval denied',
  other: 'Other',
};

const RANGE_WORDS = {
  '24h': 'the last 24 hours',
  '7d': 'the last 7 days',
  '30d': 'the last 30 days',
};

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Bucket labels in UTC, as the host counts: hours for a day, dates for a week or month. */
function bucketLabel(figures: SecurityFigures, bucket: SecurityBucket): string {
  return figures.range === '24h' ? `${bucket.start.slice(11, 13)}:00` : bucket.start.slice(5, 10);
}

function bucketRowLabel(figures: SecurityFigures, bucket: SecurityBucket): string {
  return figures.range === '24h'
    ? `${bucket.start.slice(0, 10)} ${bucket.start.slice(11, 13)}:00 UTC`
    : bucket.start.slice(0, 10);
}

function busiest(figures: SecurityFigures, key: keyof Omit<SecurityBucket, 'start'>): string {
  const top = figures.buckets.reduce<SecurityBucket | undefined>(
    (best, bucket) => (bucket[key] > (best?.[key] ?? 0) ? bucket : best),
    undefined,
  );
  return top ? ` The most were at ${bucketRowLabel(figures, top)} (${top[key]}).` : '';
}

function OverTime(props: {
  id: string;
  title: string;
  figures: SecurityFigures;
  series: Array<TimeSeries & { key: keyof Omit<SecurityBucket, 'start'> }>;
  summary: string;
}) {
  const { figures } = props;
  return (
    <ChartFigure
      id={props.id}
      title={props.title}
      summary={props.summary}
      columns={[
        { label: figures.range === '24h' ? 'Hour' : 'Day' },
        ...props.series.map((s) => ({ label: s.label, numeric: true })),
      ]}
      rows={figures.buckets.map((bucket) => [
        bucketRowLabel(figures, bucket),
        ...props.series.map((s) => bucket[s.key]),
      ])}
    >
      {(ids) => (
        <TimeChart
          {...ids}
          series={props.series}
          points={figures.buckets.map((bucket) => ({
            label: bucketLabel(figures, bucket),
            values: Object.fromEntries(props.series.map((s) => [s.key, bucket[s.key]])),
          }))}
        />
      )}
    </ChartFigure>
  );
}

/** The six charts of one period, each with its summary and table. */
export function SecurityCharts(props: { figures: SecurityFigures }) {
  const { figures } = props;
  const when = RANGE_WORDS[figures.range];
  const calls = figures.toolCallsByAssistant;
  const totalCalls = calls.reduce((sum, a) => sum + a.calls, 0);
  const refusals = Object.entries(figures.refusalsByReason) as Array<[RefusalReason, number]>;
  const totalRefusals = refusals.reduce((sum, [, n]) => sum + n, 0);
  return (
    <div className="chart-grid">
      <ChartFigure
        id="tool-calls"
        title="Tool calls per assistant"
        summary={
          totalCalls === 0
            ? `No tool calls in ${when}.`
            : `${plural(totalCalls, 'tool call')} in ${when}: ${calls.map((a) => `${a.name} ${a.calls}`).join(', ')}.`
        }
        columns={[{ label: 'Assistant' }, { label: 'Tool calls', numeric: true }]}
        rows={calls.map((a) => [a.name, a.calls])}
      >
        {(ids) => (
          <BarChart {...ids} bars={calls.map((a) => ({ label: a.name, value: a.calls }))} />
        )}
      </ChartFigure>
      <ChartFigure
        id="refusals"
        title="Refusals by reason"
        summary={
          totalRefusals === 0
            ? `Nothing was refused in ${when}.`
            : `${plural(totalRefusals, 'refusal')} in ${when}: ${refusals
                .filter(([, n]) => n > 0)
                .map(([reason, n]) => `${REFUSAL_WORDS[reason].toLowerCase()} ${n}`)
                .join(', ')}.`
        }
        columns={[{ label: 'Reason' }, { label: 'Refusals', numeric: true }]}
        rows={refusals.map(([reason, n]) => [REFUSAL_WORDS[reason], n])}
      >
        {(ids) => (
          <BarChart
            {...ids}
            bars={refusals.map(([reason, n]) => ({ label: REFUSAL_WORDS[reason], value: n }))}
          />
        )}
      </ChartFigure>
      <OverTime
        id="failed-auth"
        title="Failed authentications"
        figures={figures}
        series={[{ key: 'failedAuth', label: 'Failed sign-ins', tone: 'series-bad' }]}
        summary={`${plural(figures.failedAuth, 'failed sign-in')} with an unknown or revoked key in ${when}.${busiest(figures, 'failedAuth')}`}
      />
      <OverTime
        id="rate-limiting"
        title="Rate limiting"
        figures={figures}
        series={[{ key: 'rateLimited', label: '429s answered', tone: 'series-warn' }]}
        summary={`${plural(figures.rateLimited, 'request')} answered 429 (rate limited) in ${when}, in ${plural(figures.coolDowns, 'cool-down')}.${busiest(figures, 'rateLimited')}`}
      />
      <OverTime
        id="token-refresh"
        title="Token refreshes and failures"
        figures={figures}
        series={[
          { key: 'refreshes', label: 'Refreshes', tone: 'series-0' },
          { key: 'refreshFailures', label: 'Failures', tone: 'series-bad' },
        ]}
        summary={`${plural(figures.refreshes, 'token refresh', 'token refreshes')} and ${plural(figures.refreshFailures, 'failure')} in ${when}.`}
      />
      <OverTime
        id="pin-mismatch"
        title="Certificate-pin mismatches"
        figures={figures}
        series={[{ key: 'pinMismatches', label: 'Mismatches', tone: 'series-bad' }]}
        summary={
          figures.pinMismatches === 0
            ? `Every provider certificate matched the pins in ${when}.`
            : `${plural(figures.pinMismatches, 'certificate')} matched none of the pins in ${when}.${busiest(figures, 'pinMismatches')}`
        }
      />
    </div>
  );
}
