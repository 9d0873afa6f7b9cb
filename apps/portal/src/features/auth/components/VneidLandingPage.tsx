import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { paths, safeReturnPath } from '../../../app/paths';
import { Alert } from '../../../shared/ui/Alert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';

/**
 * Back from VNeID. On success the API has already set the session cookie: the app restores the
 * session as on any page load, and this page goes on to where the citizen was heading.
 */
export function VneidLandingPage() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const [params] = useSearchParams();
  const error = params.get('error');
  const result = params.get('result');
  const returnTo = safeReturnPath(params.get('returnTo')) ?? paths.home;

  if (!error && (result === 'signed_in' || result === 'linked')) {
    if (session.status === 'restoring') return <Loading />;
    if (session.status === 'signedIn') {
      return <Navigate to={returnTo} replace state={result === 'linked' ? { flash: 'vneidLinked' } : null} />;
    }
  }
  return (
    <Page title={t('vneid.failedTitle')}>
      <Alert tone="error">
        {t(`errors.${error ?? 'VNEID_SIGN_IN_FAILED'}`, t('errors.VNEID_SIGN_IN_FAILED'))}
      </Alert>
      <div className="actions">
        <Link className="button" to={session.status === 'signedIn' ? paths.profile : paths.signIn}>
          {t('vneid.tryAgain')}
        </Link>
        <Link className="button button--secondary" to={paths.home}>
          {t('vneid.home')}
        </Link>
      </div>
    </Page>
  );
}
