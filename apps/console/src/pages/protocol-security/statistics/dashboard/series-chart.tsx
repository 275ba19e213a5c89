import { useId } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { TDashboard } from '../../../../api/dashboard.ts';
import { formatCount } from '../../../../format/format-count.ts';
import {
  describeBucket,
  formatBucketSpan,
  formatBucketTick,
  pickTicks,
} from './bucket-time.ts';
import { DASH_PATTERN, type TChartLine } from './chart-lines.ts';
import { ChartLegend } from './chart-legend.tsx';
import { SeriesTable } from './series-table.tsx';
import { summarizeSeries } from './summarize-series.ts';

type TSeriesChartProps = { title: string; dashboard: TDashboard; lines: TChartLine[] };

const CHART_HEIGHT_PX = 210;
const AXIS_TICK = { fontSize: 11, fill: '#4b5258' };
const TOOLTIP_STYLE = { fontSize: 11, padding: '4px 8px', border: '1px solid #b9b9b9' };

/**
 * One panel of the dashboard: counters over time as lines. The picture is hidden from
 * assistive technology, which gets its summary as the image's name and the numbers in
 * a table instead. Animation is off: the chart redraws every ten seconds.
 */
export function SeriesChart({ title, dashboard, lines }: TSeriesChartProps) {
  const headingId = useId();
  const summary = summarizeSeries(dashboard, title, lines);
  const tick = (time: string) => formatBucketTick(time, dashboard.range);
  const ticks = pickTicks(dashboard.series.map((point) => point.time), dashboard.range);
  const span = (time: unknown) => formatBucketSpan(String(time), dashboard.bucketSeconds);

  return (
    <section className="dash-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="dash-panel__heading">
        {title} <span className="dash-panel__unit">{describeBucket(dashboard.bucketSeconds)}</span>
      </h2>
      <ChartLegend lines={lines} />
      <div className="dash-chart" role="img" aria-label={summary}>
        <ComposedChart
          data={dashboard.series}
          responsive
          style={{ width: '100%', height: CHART_HEIGHT_PX }}
          margin={{ top: 8, right: 22, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="#e3e5e8" vertical={false} />
          <XAxis dataKey="time" ticks={ticks} interval={0} tickFormatter={tick} tick={AXIS_TICK} />
          <YAxis allowDecimals={false} tick={AXIS_TICK} width={44} />
          <Tooltip
            labelFormatter={span}
            formatter={(value) => formatCount(Number(value))}
            contentStyle={TOOLTIP_STYLE}
            isAnimationActive={false}
          />
          {lines.map((line) => (line.isFilled ? (
            <Area
              key={line.key}
              dataKey={line.key}
              name={line.label}
              type="linear"
              stroke={line.colour}
              strokeWidth={1.5}
              fill={line.colour}
              fillOpacity={0.15}
              isAnimationActive={false}
            />
          ) : (
            <Line
              key={line.key}
              dataKey={line.key}
              name={line.label}
              type="linear"
              stroke={line.colour}
              strokeWidth={1.5}
              strokeDasharray={line.isDashed ? DASH_PATTERN : undefined}
              dot={false}
              isAnimationActive={false}
            />
          )))}
        </ComposedChart>
      </div>
      <SeriesTable title={title} dashboard={dashboard} lines={lines} />
    </section>
  );
}
