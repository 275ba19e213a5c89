import { Link } from 'react-router';
import type { TScreenTitle } from './route-handle.ts';

/** "Local Traffic » Virtual Servers : Virtual Server List » vs_mail", then the screen tab. */
export function BreadcrumbBar({ title }: { title: TScreenTitle | undefined }) {
  if (!title) return <div className="breadcrumb-bar" />;
  const screen = title.screenTo && title.object
    ? <Link to={title.screenTo}>{title.screen}</Link>
    : title.screen;

  return (
    <div className="breadcrumb-bar">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <span>{title.trail.join(' » ')}</span>
        <span className="breadcrumb__sep"> : </span>
        <span>{screen}</span>
        {title.object && (
          <>
            <span className="breadcrumb__sep"> » </span>
            <span aria-current="page">{title.object}</span>
          </>
        )}
      </nav>
      <div className="screen-tabs">
        {title.screenTo ? (
          <Link className="screen-tab screen-tab--active" to={title.screenTo}>
            {title.screen}
          </Link>
        ) : (
          <span className="screen-tab screen-tab--active">{title.screen}</span>
        )}
      </div>
    </div>
  );
}
