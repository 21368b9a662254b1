import { useId, type ReactNode } from 'react';

export interface ChartTableColumn {
  label: string;
  /** Right-aligned numbers; the first column is the row's label. */
  numeric?: boolean;
}

/**
 * A chart with what it shows in words and in a table: the picture is for a glance, the summary is
 * what a screen reader reads, and the table holds every value behind the picture.
 */
export function ChartFigure(props: {
  id: string;
  title: string;
  summary: string;
  columns: ChartTableColumn[];
  rows: Array<Array<string | number>>;
  children: (ids: { titleId: string; summaryId: string }) => ReactNode;
}) {
  const base = useId();
  const titleId = `${base}-title`;
  const summaryId = `${base}-summary`;
  return (
    <figure className="chart" data-chart={props.id} aria-labelledby={titleId}>
      <h3 id={titleId}>{props.title}</h3>
      {props.children({ titleId, summaryId })}
      <figcaption id={summaryId} className="chart-summary">
        {props.summary}
      </figcaption>
      <details className="chart-table">
        <summary>Table: {props.title}</summary>
        <table>
          <thead>
            <tr>
              {props.columns.map((column) => (
                <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) =>
                  column === 0 ? (
                    <th key={column} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={column} className="num">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
