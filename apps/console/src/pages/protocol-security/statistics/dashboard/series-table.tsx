import type { TDashboard } from '../../../../api/dashboard.ts';
import { formatCount } from '../../../../format/format-count.ts';
import { describeBucket, formatBucketSpan } from './bucket-time.ts';
import type { TChartLine } from './chart-lines.ts';

type TSeriesTableProps = { title: string; dashboard: TDashboard; lines: TChartLine[] };

/**
 * The chart's numbers for screen readers. A week has 168 points, mostly zeros; the
 * table keeps the intervals in which something was counted and says so. It sits in a
 * hidden box: a table grows to its rows whatever height it is given.
 */
export function SeriesTable({ title, dashboard, lines }: TSeriesTableProps) {
  const rows = dashboard.series.filter((point) => lines.some((line) => point[line.key] > 0));

  return (
    <div className="visually-hidden">
      <table>
        <caption>
          {title} {describeBucket(dashboard.bucketSeconds)}; intervals with nothing counted
          are left out.
        </caption>
        <thead>
          <tr>
            <th scope="col">Interval</th>
            {lines.map((line) => <th key={line.key} scope="col">{line.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={lines.length + 1}>Nothing was counted.</td>
            </tr>
          )}
          {rows.map((point) => (
            <tr key={point.time}>
              <th scope="row">{formatBucketSpan(point.time, dashboard.bucketSeconds)}</th>
              {lines.map((line) => <td key={line.key}>{formatCount(point[line.key])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
