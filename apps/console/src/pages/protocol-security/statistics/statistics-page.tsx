import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { trafficStatisticsQuery, violationStatisticsQuery } from '../../../api/statistics.ts';
import { ErrorBanner } from '../../../components/error-banner.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { formatTime } from '../../../format/format-time.ts';
import { RangeSelector } from './range-selector.tsx';
import { readStatisticsRange } from './statistics-range.ts';
import { SupportIdSearch } from './support-id-search.tsx';
import { TrafficByProfileTable } from './traffic-by-profile-table.tsx';
import { ViolationsByProtocolTable } from './violations-by-protocol-table.tsx';

// Prefetched without waiting on failure: a bad range from the URL is shown beside the
// range selector, not as a screen that could not be loaded.
export function statisticsLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const range = readStatisticsRange(new URL(request.url).searchParams);

    await Promise.all([
      queryClient.prefetchQuery(violationStatisticsQuery(range)),
      queryClient.prefetchQuery(trafficStatisticsQuery(range)),
    ]);

    return null;
  };
}

/** Protocol Security statistics: violations and traffic over a time range. */
export function StatisticsPage() {
  const [searchParams] = useSearchParams();
  const range = readStatisticsRange(searchParams);
  const violations = useQuery(violationStatisticsQuery(range));
  const traffic = useQuery(trafficStatisticsQuery(range));
  const shown = violations.data ?? traffic.data;

  return (
    <section className="statistics-screen">
      <div className="stats-toolbar">
        {/* Keyed by the URL, so Back and the nav link reset the selector. */}
        <RangeSelector key={searchParams.toString()} range={range} shown={shown} />
        <SupportIdSearch />
      </div>
      {shown && (
        <p className="stats-range" role="status">
          From {formatTime(shown.from)} to {formatTime(shown.to)}
        </p>
      )}
      <ErrorBanner error={violations.error ?? traffic.error} title="Statistics unavailable." />
      {violations.isPending && <LoadingState label="Counting violations…" />}
      {violations.data && <ViolationsByProtocolTable stats={violations.data} />}
      {traffic.isPending && <LoadingState label="Adding up traffic…" />}
      {traffic.data && <TrafficByProfileTable traffic={traffic.data} />}
    </section>
  );
}
