import { Link } from 'react-router';
import { ROLE_LABELS, type TRole } from '../auth/permissions.ts';
import { HOME_PATH } from '../auth/session-loaders.ts';

/** Shown instead of a screen the user's role may not open (a link typed or bookmarked). */
export function NotPermittedPanel({ role }: { role: TRole }) {
  return (
    <section className="error-panel">
      <p className="banner banner--error" role="alert">
        Your role ({ROLE_LABELS[role]}) may not open this screen. Ask an administrator if you
        need it.
      </p>
      <Link className="button" to={HOME_PATH}>Virtual Server List</Link>
    </section>
  );
}
