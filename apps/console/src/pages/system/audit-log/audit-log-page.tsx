import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { auditPageQuery } from '../../../api/audit.ts';
import { ErrorBanner } from '../../../components/error-banner.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { AuditDetail } from './audit-detail.tsx';
import { AuditFilterForm } from './audit-filter-form.tsx';
import { FILTER_NAMES, readAuditParams } from './audit-filters.ts';
import { AuditTable } from './audit-table.tsx';

export function auditLogLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) =>
    queryClient.ensureQueryData(auditPageQuery(readAuditParams(new URL(request.url).searchParams)));
}

/** Every change and sign-in, newest first, filtered and paged by the API's cursor. */
export function AuditLogPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readAuditParams(searchParams);
  const query = useQuery(auditPageQuery(params));
  const openedId = searchParams.get('entry');
  const opened = query.data?.items.find((entry) => entry.id === openedId);

  function setParam(name: string, value: string | null) {
    const next = new URLSearchParams(searchParams);

    if (value === null) next.delete(name);
    else next.set(name, value);
    if (name === 'cursor') next.delete('entry');
    setSearchParams(next);
  }

  return (
    <section className="audit-screen">
      {/* Keyed by the applied filters, so the form follows Back and Clear. */}
      <AuditFilterForm key={FILTER_NAMES.map((name) => searchParams.get(name)).join('|')} />
      {query.isError && (
        <ErrorBanner error={query.error} title="The audit log could not be read." />
      )}
      {query.isPending && <LoadingState />}
      {query.data && (
        <>
          <AuditTable
            items={query.data.items}
            openedId={openedId}
            onOpen={(id) => setParam('entry', id === openedId ? null : id)}
          />
          <div className="list-footer">
            <nav className="pager" aria-label="Pages">
              <button
                type="button"
                className="button"
                disabled={!params.cursor}
                onClick={() => setParam('cursor', null)}
              >
                « Newest
              </button>
              <button
                type="button"
                className="button"
                disabled={!query.data.nextCursor}
                onClick={() => setParam('cursor', query.data.nextCursor)}
              >
                Older ›
              </button>
            </nav>
          </div>
          {opened && <AuditDetail entry={opened} onClose={() => setParam('entry', null)} />}
        </>
      )}
    </section>
  );
}
