import { Link } from 'react-router';
import type { TScreenTitle } from './route-handle.ts';

/** "Local Traffic » Virtual Servers : Virtual Server List » vs_mail", then the screen tabs. */
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
      <ScreenTabs title={title} />
    </div>
  );
}

function ScreenTabs({ title }: { title: TScreenTitle }) {
  const tabs = title.tabs ?? [{ label: title.screen, to: title.screenTo }];

  return (
    <div className="screen-tabs">
      {tabs.map(({ label, to }) => {
        const isActive = label === title.screen;
        const className = isActive ? 'screen-tab screen-tab--active' : 'screen-tab';

        return to ? (
          <Link key={label} className={className} to={to}>{label}</Link>
        ) : (
          <span key={label} className={className}>{label}</span>
        );
      })}
    </div>
  );
}
