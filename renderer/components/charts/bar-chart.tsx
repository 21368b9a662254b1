import { scaleBand, scaleLinear } from 'd3-scale';

export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 480;
const ROW = 28;
const LABEL = 150;
const PAD = 40;

/**
 * Horizontal bars, one per category, drawn as SVG elements with attributes only (the window's CSP
 * allows no inline styles); colours come from the stylesheet through class names.
 */
export function BarChart(props: { bars: Bar[]; titleId: string; summaryId: string }) {
  const height = Math.max(1, props.bars.length) * ROW + 8;
  const max = Math.max(1, ...props.bars.map((bar) => bar.value));
  const x = scaleLinear()
    .domain([0, max])
    .range([0, WIDTH - LABEL - PAD]);
  const y = scaleBand<string>()
    .domain(props.bars.map((bar) => bar.label))
    .range([4, height - 4])
    .padding(0.25);
  return (
    <svg
      className="chart-svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={props.titleId}
      aria-describedby={props.summaryId}
    >
      {props.bars.map((bar) => {
        const top = y(bar.label) ?? 0;
        return (
          <g key={bar.label} data-label={bar.label} data-value={bar.value}>
            <text
              className="chart-label"
              x={LABEL - 8}
              y={top + y.bandwidth() / 2}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {bar.label}
            </text>
            <rect
              className="chart-bar"
              x={LABEL}
              y={top}
              width={Math.max(bar.value > 0 ? 2 : 0, x(bar.value))}
              height={y.bandwidth()}
              rx={3}
            />
            <text
              className="chart-value"
              x={LABEL + x(bar.value) + 6}
              y={top + y.bandwidth() / 2}
              dominantBaseline="middle"
            >
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
