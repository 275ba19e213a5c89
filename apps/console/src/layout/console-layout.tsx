import { Suspense, useEffect } from 'react';
import { Outlet, useMatches } from 'react-router';
import { LoadingState } from '../components/loading-state.tsx';
import { BreadcrumbBar } from './breadcrumb-bar.tsx';
import { HeaderBar } from './header-bar.tsx';
import { NavTree } from './nav-tree.tsx';
import { findScreenTitle, formatTitle } from './route-handle.ts';

const PRODUCT_NAME = 'Portcullis';

export function ConsoleLayout() {
  const title = findScreenTitle(useMatches());
  const documentTitle = title ? `${PRODUCT_NAME} - ${formatTitle(title)}` : PRODUCT_NAME;

  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);

  return (
    <div className="console">
      <a className="skip-link" href="#content">Skip to content</a>
      <HeaderBar />
      <div className="console__body">
        <NavTree />
        <main className="console__main">
          <BreadcrumbBar title={title} />
          <div id="content" className="console__content" tabIndex={-1}>
            <Suspense fallback={<LoadingState />}>
              <Outlet />
            </Suspense>
          </div>
        </main>
      </div>
    </div>
  );
}
