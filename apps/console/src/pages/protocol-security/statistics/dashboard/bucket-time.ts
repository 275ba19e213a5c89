import type { TDashboardRange } from '../../../../api/dashboard.ts';
import { formatTime } from '../../../../format/format-time.ts';

const WEEKDAY = new Intl.DateTimeFormat('en-US', { weekday: 'short' });
const TEN_MINUTES = 10;
const THREE_HOURS = 3;
const HOUR_SECONDS = 3_600;
const MINUTE_SECONDS = 60;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function clock(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// The stretch of local time a tick marks: ten minutes of an hour, three hours of a
// day, a day of a week. A new stretch starts at the first bucket whose key differs.
function tickKey(iso: string, range: TDashboardRange): string {
  const date = new Date(iso);
  const day = date.toDateString();
  const hour = date.getHours();

  if (range === 'hour') return `${day} ${hour} ${Math.floor(date.getMinutes() / TEN_MINUTES)}`;
  if (range === 'day') return `${day} ${Math.floor(hour / THREE_HOURS)}`;

  return day;
}

/** The buckets that get a tick: round local times, whatever the buckets' UTC alignment. */
export function pickTicks(times: string[], range: TDashboardRange): string[] {
  return times.filter((time, index) => {
    const previous = times[index - 1];

    return previous !== undefined && tickKey(previous, range) !== tickKey(time, range);
  });
}

/** An axis tick in the browser's time zone: "14:10", or "Sat 28" over a week. */
export function formatBucketTick(iso: string, range: TDashboardRange): string {
  const date = new Date(iso);

  if (Number.isNaN(date.getTime())) return iso;

  return range === 'week' ? `${WEEKDAY.format(date)} ${date.getDate()}` : clock(date);
}

/** "2026-12-04 14:15": a time to the minute, as buckets start and end. */
export function formatMinute(iso: string): string {
  return formatTime(iso).slice(0, 16);
}

/** A bucket as a span, for tooltips and the charts' tables: "2026-12-04 14:15 – 14:30". */
export function formatBucketSpan(iso: string, bucketSeconds: number): string {
  const start = new Date(iso);

  if (Number.isNaN(start.getTime())) return iso;
  const end = new Date(start.getTime() + bucketSeconds * 1000);

  return `${formatMinute(iso)} – ${clock(end)}`;
}

/** "per minute", "per 15 minutes", "per 6 hours": what one point of a chart counts. */
export function describeBucket(bucketSeconds: number): string {
  if (bucketSeconds % HOUR_SECONDS === 0) {
    const hours = bucketSeconds / HOUR_SECONDS;

    return hours === 1 ? 'per hour' : `per ${hours} hours`;
  }
  const minutes = Math.round(bucketSeconds / MINUTE_SECONDS);

  return minutes === 1 ? 'per minute' : `per ${minutes} minutes`;
}
