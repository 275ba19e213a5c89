import type { TDashboard } from '../../../../api/dashboard.ts';
import { formatCount } from '../../../../format/format-count.ts';
import { describeBucket, formatBucketSpan, formatMinute } from './bucket-time.ts';
import type { TChartLine } from './chart-lines.ts';

function summarizeLine(dashboard: TDashboard, line: TChartLine): string {
  let total = 0;
  let peak = dashboard.series[0];

  for (const point of dashboard.series) {
    total += point[line.key];
    if (peak && point[line.key] > peak[line.key]) peak = point;
  }
  const label = line.label.toLowerCase();

  if (!peak || total === 0) return `no ${label}`;
  const span = formatBucketSpan(peak.time, dashboard.bucketSeconds);

  return `${formatCount(total)} ${label} in all, at most ${formatCount(peak[line.key])} (${span})`;
}

/**
 * What a chart shows, in words, for readers who cannot see it: "Messages per minute
 * from 2026-12-04 13:01 to 14:01: 9 messages in all, at most 5 (13:57 – 13:58)."
 */
export function summarizeSeries(dashboard: TDashboard, title: string, lines: TChartLine[]) {
  const window = `from ${formatMinute(dashboard.from)} to ${formatMinute(dashboard.to)}`;
  const parts = lines.map((line) => summarizeLine(dashboard, line));

  return `${title} ${describeBucket(dashboard.bucketSeconds)} ${window}: ${parts.join('; ')}.`;
}
