import { useId } from 'react';
import { useSearchParams } from 'react-router';
import {
  DASHBOARD_BUCKETS,
  type TDashboardParams,
  type TDashboardRange,
} from '../../../../api/dashboard.ts';
import { BUCKET_LABELS, DASHBOARD_RANGE_LABELS } from './dashboard-params.ts';

/**
 * Last hour, day or week, and the interval each point covers; both go in the URL. A
 * new range starts at its own default interval, the only choice always valid for it.
 */
export function DashboardRangeSelector({ params }: { params: TDashboardParams }) {
  const [, setSearchParams] = useSearchParams();
  const id = useId();
  const buckets = DASHBOARD_BUCKETS[params.range];

  return (
    <form className="range-selector" aria-label="Time range" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={`${id}-range`}>Time Range</label>
      <select
        id={`${id}-range`}
        value={params.range}
        onChange={(event) => setSearchParams({ range: event.target.value })}
      >
        {(Object.keys(DASHBOARD_RANGE_LABELS) as TDashboardRange[]).map((range) => (
          <option key={range} value={range}>{DASHBOARD_RANGE_LABELS[range]}</option>
        ))}
      </select>
      <label htmlFor={`${id}-bucket`}>Interval</label>
      <select
        id={`${id}-bucket`}
        value={params.bucket}
        disabled={buckets.length < 2}
        onChange={(event) => setSearchParams({ range: params.range, bucket: event.target.value })}
      >
        {buckets.map((bucket) => (
          <option key={bucket} value={bucket}>{BUCKET_LABELS[bucket]}</option>
        ))}
      </select>
    </form>
  );
}
