import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

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

/** Shown by the error boundaries when a page failed to render; a reload usually fixes it. */
export function RouteErrorPage({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  const page = (
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
  );
  // Inside the shell the page sits in <main>; if the shell itself failed, this provides one.
  return standalone ? (
    <main id="main" className="site-main container" tabIndex={-1}>
      {page}
    </main>
  ) : (
    page
  );
}
