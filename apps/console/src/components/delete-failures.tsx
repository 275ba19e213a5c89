import { describeError, isApiError } from '../api/api-error.ts';
import { DeleteFailedError } from './use-delete-selected.ts';
import { ErrorBanner } from './error-banner.tsx';

/** The refusals of a list delete, one line per object, in one red banner. */
export function DeleteFailures({ error }: { error: unknown }) {
  if (!error) return null;
  if (!(error instanceof DeleteFailedError)) return <ErrorBanner error={error} />;

  return (
    <div className="banner banner--error" role="alert">
      <strong className="banner__title">Some objects were not deleted.</strong>
      <ul className="banner__list">
        {error.failures.map(({ name, error: cause }) => (
          <li key={name}>
            {name}: {describeError(cause)}
            {isApiError(cause) && <span className="banner__code"> ({cause.code})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
