import { Suspense, useEffect } from 'react';
import { Outlet, useMatches } from 'react-router';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/use-session.ts';
import { LoadingState } from '../components/loading-state.tsx';
import { BreadcrumbBar } from './breadcrumb-bar.tsx';
import { HeaderBar } from './header-bar.tsx';
import { NavTree } from './nav-tree.tsx';
import { NotPermittedPanel } from './not-permitted-panel.tsx';
import { findScreenTitle, formatTitle } from './route-handle.ts';

const PRODUCT_NAME = 'Portcullis';

export function ConsoleLayout() {
  const session = useSession();
  const title = findScreenTitle(useMatches());
  const documentTitle = title ? `${PRODUCT_NAME} - ${formatTitle(title)}` : PRODUCT_NAME;

  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);

  // Only between a sign-out and the sign-in page: the frame's loader let nobody else in.
  if (!session) return <LoadingState />;
  const { user } = session;
  const isPermitted = !title?.requires || can(user.role, title.requires);

  return (
    <div className="console">
      <a className="skip-link" href="#content">Skip to content</a>
      <HeaderBar user={user} />
      <div className="console__body">
        <NavTree role={user.role} />
        <main className="console__main">
          <BreadcrumbBar title={title} />
          <div id="content" className="console__content" tabIndex={-1}>
            {isPermitted ? (
              <Suspense fallback={<LoadingState />}>
                <Outlet />
              </Suspense>
            ) : (
              <NotPermittedPanel role={user.role} />
            )}
          </div>
        </main>
      </div>
    </div>
  );
}
