import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { DASHBOARD_REFRESH_MS, dashboardQuery } from '../../../../api/dashboard.ts';
import { ErrorBanner } from '../../../../components/error-banner.tsx';
import { LoadingState } from '../../../../components/loading-state.tsx';
import { formatTime } from '../../../../format/format-time.ts';
import { DashboardBody } from './dashboard-body.tsx';
import { readDashboardParams } from './dashboard-params.ts';
import { DashboardRangeSelector } from './dashboard-range-selector.tsx';

// Prefetched without waiting on failure: an API that does not answer is shown on the
// screen, with the range selector still there, not as a screen that could not load.
export function dashboardLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const params = readDashboardParams(new URL(request.url).searchParams);

    await queryClient.prefetchQuery(dashboardQuery(params));

    return null;
  };
}

/** Protocol Security statistics at a glance, over the last hour, day or week, live. */
export function DashboardPage() {
  const [searchParams] = useSearchParams();
  const params = readDashboardParams(searchParams);
  const query = useQuery(dashboardQuery(params));
  const dashboard = query.data;
  const refreshedAt = formatTime(new Date(query.dataUpdatedAt).toISOString()).slice(11);

  return (
    <section className="dashboard-screen">
      <div className="stats-toolbar">
        <DashboardRangeSelector params={params} />
        {dashboard && (
          <span className="dash-refresh">
            Refreshed every {DASHBOARD_REFRESH_MS / 1000} s; last at {refreshedAt}
          </span>
        )}
      </div>
      {query.isPending && <LoadingState label="Loading the dashboard…" />}
      {query.isError && !dashboard && (
        <ErrorBanner error={query.error} title="The dashboard could not be loaded.">
          <div>
            <button type="button" className="button" onClick={() => void query.refetch()}>
              Try again
            </button>
          </div>
        </ErrorBanner>
      )}
      {query.isError && dashboard && (
        <ErrorBanner
          error={query.error}
          title={`Live refresh failed; these figures are from ${refreshedAt}.`}
        />
      )}
      {dashboard && <DashboardBody dashboard={dashboard} isStale={query.isPlaceholderData} />}
    </section>
  );
}
