import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration } from 'react-router';

import { Loading } from '../../shared/ui/Loading';
import { OfflineNotice } from './OfflineNotice';
import { SiteHeader } from './SiteHeader';

/** Landmarks of every page: skip link, header with navigation, main content, footer. */
export function AppShell() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      <OfflineNotice />
      <main id="main" className="site-main container" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}
