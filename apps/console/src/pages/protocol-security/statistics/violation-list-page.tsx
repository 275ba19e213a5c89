import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { violationListQuery } from '../../../api/violations.ts';
import { ErrorBanner } from '../../../components/error-banner.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { Pager } from '../../../components/pager.tsx';
import { useFormErrors } from '../../../forms/use-form-errors.ts';
import { ViolationFilterForm } from './violation-filter-form.tsx';
import {
  isViolationFilter,
  readViolationFilters,
  readViolationParams,
} from './violation-filters.ts';
import { ViolationTable } from './violation-table.tsx';

export const VIOLATION_FILTER_FORM_ID = 'filter';

// Prefetched without waiting on failure: a filter the API refuses is shown beside
// its field, with the form still there to fix it.
export function violationListLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const params = readViolationParams(new URL(request.url).searchParams);

    await queryClient.prefetchQuery(violationListQuery(params));

    return null;
  };
}

/** Every recorded violation, newest first, filtered and paged by the URL. */
export function ViolationListPage() {
  const [searchParams] = useSearchParams();
  const params = readViolationParams(searchParams);
  const query = useQuery(violationListQuery(params));
  const errors = useFormErrors(VIOLATION_FILTER_FORM_ID, query.error, isViolationFilter);
  // The last good page stays while a refused filter is fixed, but must not look current.
  const page = query.isError ? undefined : query.data;

  return (
    <section className="list-screen">
      <ViolationFilterForm
        key={searchParams.toString()}
        filters={readViolationFilters(searchParams)}
        errors={errors}
      />
      <ErrorBanner error={errors.bannerError} />
      {query.isPending && <LoadingState label="Searching violations…" />}
      {page && (
        <>
          <ViolationTable items={page.items} />
          <div className="list-footer">
            <span />
            <Pager total={page.total} page={page.page} perPage={page.perPage} />
          </div>
        </>
      )}
    </section>
  );
}
