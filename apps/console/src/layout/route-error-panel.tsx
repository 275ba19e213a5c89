import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router';
import { ErrorBanner } from '../components/error-banner.tsx';

/**
 * What a screen shows when its data could not be loaded (the API is down, the
 * object was deleted): the error, and a way to try again or go back.
 */
export function RouteErrorPanel() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const shown = isRouteErrorResponse(error)
    ? new Error(`${error.status} ${error.statusText}`)
    : error;

  return (
    <section className="error-panel">
      <ErrorBanner error={shown} title="This screen could not be loaded." />
      <div className="form-buttons">
        <button
          type="button"
          className="button"
          disabled={revalidator.state !== 'idle'}
          onClick={() => void revalidator.revalidate()}
        >
          {revalidator.state === 'idle' ? 'Try again' : 'Trying…'}
        </button>
        <Link className="button" to="/local-traffic/virtual-servers">Virtual Server List</Link>
      </div>
    </section>
  );
}
