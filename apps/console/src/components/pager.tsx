import { useSearchParams } from 'react-router';

type TPagerProps = { total: number; page: number; perPage: number };

/** Previous / next over a paged list, with the page kept in the URL. */
export function Pager({ total, page, perPage }: TPagerProps) {
  const [searchParams, setSearchParams] = useSearchParams();
  const pageCount = Math.max(1, Math.ceil(total / perPage));

  function goTo(target: number) {
    const next = new URLSearchParams(searchParams);

    next.set('page', String(target));
    setSearchParams(next);
  }

  if (pageCount <= 1) return <span className="pager">{total} total</span>;

  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="button" disabled={page <= 1} onClick={() => goTo(page - 1)}>
        ‹ Previous
      </button>
      <span>Page {page} of {pageCount} ({total} total)</span>
      <button
        type="button"
        className="button"
        disabled={page >= pageCount}
        onClick={() => goTo(page + 1)}
      >
        Next ›
      </button>
    </nav>
  );
}
