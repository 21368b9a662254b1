import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';

export interface TimeSeries {
  key: string;
  label: string;
  /** A class from the stylesheet: `series-0`, `series-bad`, … */
  tone: string;
}

const WIDTH = 480;
const HEIGHT = 150;
const LEFT = 32;
const BOTTOM = 22;

/**
 * Columns over time, stacked when there is more than one series (d3-shape's `stack`), drawn as
 * SVG with attributes only so the window's CSP needs no `unsafe-inline`.
 */
export function TimeChart(props: {
  points: Array<{ label: string; values: Record<string, number> }>;
  series: TimeSeries[];
  titleId: string;
  summaryId: string;
}) {
  const keys = props.series.map((s) => s.key);
  const rows = props.points.map((point) => ({ ...point.values, label: point.label }));
  const layers = stack<Record<string, number | string>>()
    .keys(keys)
    .value((row, key) => Number(row[key] ?? 0))(rows);
  const max = Math.max(1, ...layers.flatMap((layer) => layer.map(([, top]) => top)));
  const x = scaleBand<number>()
    .domain(props.points.map((_, index) => index))
    .range([LEFT, WIDTH - 4])
    .padding(0.2);
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([HEIGHT - BOTTOM, 6]);
  const ticks = y.ticks(3).filter((tick) => Number.isInteger(tick));
  const labelEvery = Math.ceil(props.points.length / 6);
  return (
    <svg
      className="chart-svg"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={props.titleId}
      aria-describedby={props.summaryId}
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="chart-grid" x1={LEFT} x2={WIDTH - 4} y1={y(tick)} y2={y(tick)} />
          <text
            className="chart-axis"
            x={LEFT - 6}
            y={y(tick)}
            textAnchor="end"
            dominantBaseline="middle"
          >
            {tick}
          </text>
        </g>
      ))}
      {layers.map((layer, index) => (
        <g key={layer.key} className={`chart-series ${props.series[index]?.tone ?? ''}`}>
          {layer.map(([bottom, top], column) =>
            top > bottom ? (
              <rect
                key={column}
                x={x(column)}
                y={y(top)}
                width={x.bandwidth()}
                height={Math.max(1, y(bottom) - y(top))}
              />
            ) : null,
          )}
        </g>
      ))}
      {props.points.map((point, index) =>
        index % labelEvery === 0 ? (
          <text
            key={index}
            className="chart-axis"
            x={(x(index) ?? 0) + x.bandwidth() / 2}
            y={HEIGHT - 6}
            textAnchor="middle"
          >
            {point.label}
          </text>
        ) : null,
      )}
    </svg>
  );
}
