import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavigationType, Outlet, useLocation, useNavigationType } from 'react-router';

import { Loading } from '../../shared/ui/Loading';
import { ErrorBoundary } from './ErrorBoundary';
import { OfflineNotice } from './OfflineNotice';
import { SiteHeader } from './SiteHeader';

/** A new page starts at its top; back and forward keep the position the browser restores. */
function useScrollToTopOnNavigate(): void {
  const { pathname, hash } = useLocation();
  const navigationType = useNavigationType();
  useEffect(() => {
    if (!hash && navigationType !== NavigationType.Pop) window.scrollTo(0, 0);
  }, [pathname, hash, navigationType]);
}

/** Landmarks of every page: skip link, header with navigation, main content, footer. */
export function AppShell() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useScrollToTopOnNavigate();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      <OfflineNotice />
      <main id="main" className="site-main container" tabIndex={-1}>
        {/* Keyed by path: after a failure, navigating elsewhere tries again. */}
        <ErrorBoundary key={pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
        </div>
      </footer>
    </>
  );
}
