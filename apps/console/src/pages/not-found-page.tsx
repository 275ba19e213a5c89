import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const location = useLocation();

  return (
    <section>
      <p className="banner banner--error" role="alert">
        There is no screen at <code>{location.pathname}</code>.
      </p>
      <Link className="button" to="/local-traffic/virtual-servers">Virtual Server List</Link>
    </section>
  );
}
