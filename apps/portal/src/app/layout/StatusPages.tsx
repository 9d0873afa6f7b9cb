import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

import { Page } from '../../shared/ui/Page';
import { paths } from '../paths';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} lead={t('notFound.body')}>
      <p>
        <Link to={paths.home}>{t('common.backHome')}</Link>
      </p>
    </Page>
  );
}

/** Shown in place of a page the signed-in person has no permission for. */
export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('noAccess.title')} lead={t('noAccess.body')}>
      <p>
        <Link to={paths.home}>{t('common.backHome')}</Link>
      </p>
    </Page>
  );
}

/**
 * Last resort for a page that failed to render — most often a page's code that could not be downloaded
 * over a dropped connection, which a reload fixes.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <main id="main" className="site-main container" tabIndex={-1}>
      <Page title={t('routeError.title')} lead={t('routeError.body')}>
        <p className="actions">
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('common.reload')}
          </button>
          <a className="button button--secondary" href={paths.home}>
            {t('common.backHome')}
          </a>
        </p>
      </Page>
    </main>
  );
}
